package org.linkage.bridge;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.linkage.bridge.domain.SigningKeys;
import org.linkage.bridge.domain.WebhookSignature;
import org.linkage.bridge.repository.InboundUpdate;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;
import org.linkage.testing.files.Evidence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.linkage.bridge.InboundWebhookTest.routerPath;
import static org.linkage.bridge.InboundWebhookTest.stubRouter;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A department system sends its on-site photos with its status webhook: the bridge checks count, sizes and declared
 * types, then hands the bytes to the router (a WireMock stand-in here) with the update, under one key per update.
 * Test limits: 3 files, 64 KiB each, 96 KiB together.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class InboundAttachmentsTest {
    private static final SigningKeys HRSS = new SigningKeys("dev-hrss-key-2026", null);

    @Test
    void filesComeWithTheReplyToTheRouterAndARepostCarriesTheSameKey() {
        String number = Tickets.nextNumber();
        stubRouter(number, 200, "{\"ticketNumber\":\"" + number + "\",\"status\":\"REPLIED\"}");
        byte[] photo = Evidence.jpegWithGps(32, 24);
        byte[] pdf = Evidence.pdf(2_000);
        String body = reply(number, file("现场照片.jpg", "image/jpeg", photo), file("整改通知书.pdf", "application/pdf", pdf));

        send(body, Instant.now().getEpochSecond()).statusCode(200).body("status", equalTo("REPLIED"));
        // The department's system lost the answer and posts the same update again, signed afresh.
        send(body, Instant.now().getEpochSecond() + 1).statusCode(200);

        List<LoggedRequest> calls = WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(routerPath(number))));
        assertEquals(2, calls.size());
        assertEquals(calls.get(0).getHeader("Idempotency-Key"), calls.get(1).getHeader("Idempotency-Key"),
                "the router stores a repost's files once because it is the same update");
        JsonPath sent = JsonPath.from(calls.get(0).getBodyAsString());
        assertEquals("CD-HRSS", sent.getString("departmentCode"));
        assertEquals(List.of("现场照片.jpg", "整改通知书.pdf"), sent.getList("attachments.fileName"));
        assertEquals(List.of("image/jpeg", "application/pdf"), sent.getList("attachments.contentType"));
        // The bytes reach the router as they were sent: cleaning them is the router's, which serves them.
        assertArrayEquals(photo, Base64.getDecoder().decode(sent.getString("attachments[0].content")));
        assertArrayEquals(pdf, Base64.getDecoder().decode(sent.getString("attachments[1].content")));
        assertTrue(outcomes(number).get(0).contains("with 2 file(s)"), outcomes(number).toString());
    }

    @Test
    void anUpdateWithoutFilesIsSentAsBefore() {
        String number = Tickets.nextNumber();
        stubRouter(number, 200, "{\"ticketNumber\":\"" + number + "\",\"status\":\"SIGNED\"}");
        send("{\"ticketNumber\":\"" + number + "\",\"action\":\"SIGN\"}", Instant.now().getEpochSecond()).statusCode(200);
        String sent = WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(routerPath(number))))
                .get(0).getBodyAsString();
        assertFalse(sent.contains("attachments"), sent);
    }

    @Test
    void whatTheBridgeCanTellIsWrongIsRefusedNamingTheFileAndTheRouterIsNotAsked() {
        String number = Tickets.nextNumber();
        stubRouter(number, 200, "{\"ticketNumber\":\"" + number + "\",\"status\":\"REPLIED\"}");
        byte[] small = Evidence.plainJpeg(8, 8);
        long ts = Instant.now().getEpochSecond();

        refused(reply(number, file("a.jpg", "image/jpeg", small), file("b.jpg", "image/jpeg", small),
                file("c.jpg", "image/jpeg", small), file("d.jpg", "image/jpeg", small)), ts, 422, "attachments");
        refused(reply(number, file("page.html", "text/html", small)), ts, 415, "attachments[0].contentType");
        refused(reply(number, file("a.jpg", "image/jpeg", small), file("big.pdf", "application/pdf", Evidence.pdf(65_537))),
                ts, 413, "attachments[1].content");
        refused(reply(number, file("a.pdf", "application/pdf", Evidence.pdf(50_000)),
                file("b.pdf", "application/pdf", Evidence.pdf(50_000))), ts, 413, "attachments");
        refused(reply(number, file("a.jpg", "image/jpeg", new byte[0])), ts, 400, "attachments[0].content");
        refused(reply(number, "{\"fileName\":\"a.jpg\",\"content\":\"" + b64(small) + "\"}"), ts, 400,
                "attachments[0].contentType");
        refused(reply(number, "{\"fileName\":\"a.jpg\",\"contentType\":\"image/jpeg\",\"content\":\"不是base64!\"}"), ts,
                400, "attachments[0].content");
        refused(reply(number, "{\"fileName\":\"a.jpg\",\"contentType\":\"image/jpeg\"}"), ts, 400,
                "attachments[0].content");

        WireMockResource.server().verify(0, postRequestedFor(urlPathEqualTo(routerPath(number))));
        List<String> logged = outcomes(number);
        assertEquals(8, logged.size(), "every refusal is recorded: " + logged);
    }

    @Test
    void theRoutersVerdictOnTheBytesPassesThroughNamingTheFile() {
        String number = Tickets.nextNumber();
        stubRouter(number, 415, "{\"title\":\"Unsupported attachment\",\"status\":415,\"detail\":\"attachments[0].content: "
                + "the content is not an accepted kind\",\"errors\":[{\"field\":\"attachments[0].content\","
                + "\"message\":\"the content is not an accepted kind\"}]}");
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        send(reply(number, file("photo.jpg", "image/jpeg", html)), Instant.now().getEpochSecond()).statusCode(415)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("attachments[0].content"))
                .body("detail", containsString("not an accepted kind"));
    }

    private static void refused(String body, long ts, int status, String field) {
        send(body, ts).statusCode(status).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    private static String reply(String number, String... files) {
        return "{\"ticketNumber\":\"" + number + "\",\"action\":\"REPLY\",\"answer\":\"已现场核查并整改 Checked and fixed on site\","
                + "\"externalRef\":\"HRSS-F1\",\"attachments\":[" + String.join(",", files) + "]}";
    }

    private static String file(String name, String type, byte[] bytes) {
        return "{\"fileName\":\"" + name + "\",\"contentType\":\"" + type + "\",\"content\":\"" + b64(bytes) + "\"}";
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static ValidatableResponse send(String body, long ts) {
        return given().contentType("application/json; charset=utf-8")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(ts))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.header(HRSS, ts, body))
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/webhooks/departments/CD-HRSS").then();
    }

    private static List<String> outcomes(String number) {
        return QuarkusTransaction.requiringNew().call(() -> InboundUpdate.<InboundUpdate>list(
                "ticketNumber = ?1 order by id", number).stream().map(u -> u.outcomeStatus + " " + u.outcome).toList());
    }
}
