package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.router.repository.Ticket;
import org.linkage.router.repository.TicketHistory;
import org.linkage.router.support.Fixtures;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bridge retries when an answer is lost: a repeated Idempotency-Key must not file or apply twice. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class IdempotencyTest {
    @Inject
    Fixtures fixtures;

    private static String request(String content) {
        return "{\"channel\":\"OPEN311:citizen-app\",\"categoryCode\":\"NOISE\",\"content\":\"" + content
                + "\",\"address\":\"成都市武侯区玉林街道\",\"callerPhone\":\"13900003333\"}";
    }

    private static ExtractableResponse<Response> file(String key, String body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/integration/requests").then().extract();
    }

    private static long ticketsWith(String content) {
        return QuarkusTransaction.requiringNew().call(() -> Ticket.count("content", content));
    }

    @Test
    @TestSecurity(user = "hotline-bridge", roles = "service:bridge")
    void sameKeyTwiceFilesOneTicketAndAnswersTheSameBody() {
        String key = UUID.randomUUID().toString();
        String content = "夜间施工噪音 " + key;
        ExtractableResponse<Response> first = file(key, request(content));
        ExtractableResponse<Response> second = file(key, request(content));
        assertEquals(201, first.statusCode());
        assertEquals(200, second.statusCode());
        assertEquals(first.jsonPath().getMap("$"), second.jsonPath().getMap("$"));
        assertEquals(1, ticketsWith(content));
    }

    @Test
    @TestSecurity(user = "hotline-bridge", roles = "service:bridge")
    void sameKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        assertEquals(201, file(key, request("楼上装修噪音 " + key)).statusCode());
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(request("另一件事 " + key))
                .post("/api/integration/requests").then().statusCode(422)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(0, ticketsWith("另一件事 " + key));
    }

    @Test
    @TestSecurity(user = "hotline-bridge", roles = "service:bridge")
    void theKeyIsRequired() {
        given().contentType(ContentType.JSON).body(request("没有幂等键")).post("/api/integration/requests")
                .then().statusCode(400).body("errors.field", hasItem(equalTo("Idempotency-Key")));
        assertEquals(0, ticketsWith("没有幂等键"));
    }

    @Test
    @TestSecurity(user = "hotline-bridge", roles = "service:bridge")
    void simultaneousTwinsFileOneTicket() {
        String key = UUID.randomUUID().toString();
        String content = "同时重试 " + key;
        List<CompletableFuture<ExtractableResponse<Response>>> calls = List.of(
                CompletableFuture.supplyAsync(() -> file(key, request(content))),
                CompletableFuture.supplyAsync(() -> file(key, request(content))));
        List<ExtractableResponse<Response>> answers = calls.stream().map(CompletableFuture::join).toList();
        assertEquals(List.of(200, 201), answers.stream().map(ExtractableResponse::statusCode).sorted().toList());
        assertEquals(answers.get(0).jsonPath().getString("ticketNumber"), answers.get(1).jsonPath().getString("ticketNumber"));
        assertEquals(1, ticketsWith(content));
    }

    @Test
    @TestSecurity(user = "hotline-bridge", roles = "service:bridge")
    void replayedUpdateAnswersTheRecordedResultAndAppliesOnce() {
        Ticket t = fixtures.dispatched();
        String key = "CD-HRSS:" + UUID.randomUUID();
        String sign = "{\"departmentCode\":\"CD-HRSS\",\"action\":\"SIGN\",\"externalRef\":\"HR-9\"}";
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(sign)
                    .post("/api/integration/tickets/" + t.ticketNumber + "/updates").then().statusCode(200)
                    .body("ticketNumber", equalTo(t.ticketNumber)).body("status", equalTo("SIGNED"));
        }
        long signs = QuarkusTransaction.requiringNew().call(() ->
                TicketHistory.of(t.id).stream().filter(h -> "SIGNED".equals(h.toStatus)).count());
        assertEquals(1, signs);
        // The same action sent again as a new update (another key) is judged by the lifecycle as before.
        given().contentType(ContentType.JSON).header("Idempotency-Key", "CD-HRSS:" + UUID.randomUUID()).body(sign)
                .post("/api/integration/tickets/" + t.ticketNumber + "/updates").then().statusCode(409)
                .body("currentStatus", equalTo("SIGNED"));
    }
}
