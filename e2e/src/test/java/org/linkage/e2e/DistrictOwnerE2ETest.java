package org.linkage.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The router owns the districts: one an administrator adds there (POST /api/admin/districts) is announced on
 * linkage.districts, and intake, which refused the code a moment before, takes calls in it.
 */
class DistrictOwnerE2ETest {

    @BeforeAll
    static void stack() {
        RunningStack.get();
    }

    @Test
    void aDistrictAddedInTheRouterIsAcceptedByIntake() {
        // A code of its own for each run, so a stack kept between runs has never heard of it; a zone code in the form
        // intake takes (letters, a hyphen, digits), since intake checks the form before it looks the code up.
        String code = "ZONE-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);

        submit(code).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("districtCode"));

        String router = RunningStack.get().serviceUrl("router-service");
        given().auth().oauth2(Tokens.of("admin1")).contentType(ContentType.JSON)
                .body(Map.of("code", code, "nameZh", "天府新区测试片区", "nameEn", "Tianfu Test Area", "city", "成都市",
                        "active", true, "streets", List.of("兴隆街道"), "aliases", List.of("测试片区")))
                .post(router + "/api/admin/districts")
                .then().statusCode(201);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> submit(code).statusCode() == 201);

        // A call in the new district shows it by the name the router gave it.
        String callId = submit(code).then().statusCode(201).extract().jsonPath().getString("id");
        assertEquals(code, Calls.get(callId).getString("districtCode"));
        assertEquals("天府新区测试片区", Calls.get(callId).getString("districtName"));
    }

    private static Response submit(String districtCode) {
        return given().auth().oauth2(Tokens.of("calltaker1"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(Map.of("callerPhone", "13812345678", "callerName", "李女士", "channel", "PHONE",
                        "address", "成都市天府新区兴隆街道某小区", "districtCode", districtCode,
                        "content", "小区门口的路灯坏了一个多月了，晚上很黑，希望尽快修好",
                        "receivedAt", "2026-11-27T20:30:00+08:00", "confirm", false))
                .post(Calls.intake() + "/api/calls");
    }
}
