package org.linkage.e2e;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Joint handling from the field, and police matters found by 12345 coming back to 110. */
class BothDirectionsE2ETest {

    @BeforeAll
    static void stack() {
        RunningStack.get();
    }

    @Test
    void anOfficersHandOverBecomesATicketThatCarriesTheIncident() {
        String incident = "JQ" + System.currentTimeMillis();
        JsonPath call = given().auth().oauth2(Tokens.of("officer1"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "content", "工地欠薪纠纷，双方发生推搡，现场已调解平息，需劳动部门跟进处理欠薪两万元",
                        "address", "武侯区天府大道北段1700号",
                        "districtCode", "510107",
                        "callerPhone", "13912345678",
                        "callerName", "李女士"))
                .post(Calls.intake() + "/api/incidents/" + incident + "/referrals")
                .then().statusCode(201).extract().jsonPath();
        assertEquals("JOINT", call.getString("disposition"));
        assertEquals(incident, call.getString("referral.incidentNumber"));

        JsonPath done = Calls.awaitDeliveredTicket(call.getString("id"), "officer1");
        // A call-taker does not see an officer's report: each sees the calls they took.
        given().auth().oauth2(Tokens.of("calltaker1")).get(Calls.intake() + "/api/calls/" + call.getString("id"))
                .then().statusCode(404);
        String router = RunningStack.get().serviceUrl("router-service");
        given().auth().oauth2(Tokens.of("dispatcher1")).get(router + "/api/tickets/" + done.getString("ticket.ticketNumber"))
                .then().statusCode(200);
    }

    @Test
    void aPoliceMatterFoundBy12345ReachesTheCallTakersQueue() {
        String callId = Calls.submit(Calls.WAGES + "，对方扬言要带人来砸东西", "510107").getString("id");
        String ticketNumber = Calls.awaitDeliveredTicket(callId).getString("ticket.ticketNumber");

        // A call-taker's console is listening with a real Keycloak token before 12345 hands the matter back.
        List<String> pushed = new java.util.concurrent.CopyOnWriteArrayList<>();
        var stream = java.net.http.HttpClient.newHttpClient().sendAsync(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(Calls.intake() + "/api/police-transfers/stream"))
                        .header("Authorization", "Bearer " + Tokens.of("calltaker1"))
                        .header("Accept", "text/event-stream").build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> stream.join().body().forEach(pushed::add), "e2e-sse-reader");
        reader.setDaemon(true);
        reader.start();
        // the stream opens with a comment line; until then a change could be missed
        await().atMost(Duration.ofSeconds(20)).until(() -> pushed.stream().anyMatch(l -> l.startsWith(":"))
                || stream.isCompletedExceptionally() || (stream.isDone() && stream.join().statusCode() != 200));
        assertEquals(200, stream.join().statusCode(), "stream refused: " + pushed);

        String router = RunningStack.get().serviceUrl("router-service");
        given().auth().oauth2(Tokens.of("dispatcher1")).contentType(ContentType.JSON)
                .body(Map.of("reason", "回访中来电人称对方持刀威胁，属警情"))
                .post(router + "/api/tickets/" + ticketNumber + "/police-transfer")
                .then().statusCode(200);

        // Pushed at once, masked: the event names the ticket and never carries the caller's full number.
        await().atMost(Duration.ofSeconds(60)).until(() -> pushed.stream().anyMatch(l -> l.startsWith("data:") && l.contains(ticketNumber)));
        int at = pushed.indexOf(pushed.stream().filter(l -> l.startsWith("data:") && l.contains(ticketNumber)).findFirst().orElseThrow());
        boolean named = false;
        for (int i = at - 1; i >= 0 && !pushed.get(i).isEmpty(); i--) {
            named |= pushed.get(i).replace(" ", "").equals("event:police-transfer");
        }
        assertEquals(true, named, "the event is not named police-transfer: " + pushed);
        assertEquals(false, pushed.get(at).contains("13812345678"), pushed.get(at));
        stream.cancel(true);

        // The queue is paged oldest first, so on a stack that has queued many before, ours is on a later page.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            for (int page = 0; ; page++) {
                List<String> queued = given().auth().oauth2(Tokens.of("calltaker1"))
                        .queryParam("size", 100).queryParam("page", page)
                        .get(Calls.intake() + "/api/police-transfers")
                        .then().statusCode(200).extract().jsonPath().getList("items.ticketNumber");
                if (queued.contains(ticketNumber)) {
                    return true;
                }
                if (queued.size() < 100) {
                    return false;
                }
            }
        });
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "TRANSFERRED_TO_POLICE".equals(Calls.get(callId).getString("ticket.status")));
    }
}
