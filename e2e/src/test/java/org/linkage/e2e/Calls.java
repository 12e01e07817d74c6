package org.linkage.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Drives intake's public API the way a call-taker's console does. */
final class Calls {
    static final String WAGES = "我在工地干了三个月活，老板一直拖欠工资不给，两万多块，找了好几次都说没钱";
    static final String KNIFE_FIGHT = "有人拿刀在小区门口打人，已经有人流血了，快来";

    private Calls() {
    }

    static String intake() {
        return RunningStack.get().serviceUrl("intake-service");
    }

    /** Submits a call with one-click confirmation; returns the created call. */
    static JsonPath submit(String content, String districtCode) {
        return submit(content, districtCode, false);
    }

    /** @param confidential the caller asked that the department not learn who they are (保密) */
    static JsonPath submit(String content, String districtCode, boolean confidential) {
        return given().auth().oauth2(Tokens.of("calltaker1"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "callerPhone", "13812345678",
                        "callerName", "王先生",
                        "channel", "PHONE",
                        "address", "成都市武侯区玉林街道玉林北路某工地",
                        "districtCode", districtCode,
                        "content", content,
                        "receivedAt", "2026-11-27T09:30:00+08:00",
                        "confirm", true,
                        "confidential", confidential))
                .post(intake() + "/api/calls")
                .then().statusCode(201).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    static JsonPath get(String callId) {
        return get(callId, "calltaker1");
    }

    /** As {@code user}: call-takers and officers see only the calls they took. */
    static JsonPath get(String callId, String user) {
        return given().auth().oauth2(Tokens.of(user))
                .get(intake() + "/api/calls/" + callId)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the 12345 side has reported a ticket on the call and its delivery; returns the call. */
    static JsonPath awaitDeliveredTicket(String callId) {
        return awaitDeliveredTicket(callId, "calltaker1");
    }

    static JsonPath awaitDeliveredTicket(String callId, String user) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> "DELIVERED".equals(get(callId, user).getString("ticket.deliveryStatus")));
        return get(callId, user);
    }
}
