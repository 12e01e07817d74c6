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
import java.util.Map;

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

    /**
     * An update whose declared length is over the server's body limit (21M) is told so as a problem naming the files
     * and the limit, before its body is read: the request here sends its headers only, as a department system that
     * waits for {@code 100 Continue} would, and still gets the whole answer.
     */
    @Test
    void anUpdateOverTheRequestLimitIsToldWhatAndWhichLimitBeforeItsBodyIsRead() throws Exception {
        long limit = 21L * 1024 * 1024;
        RawResponse webhook = headersOnly("/api/webhooks/departments/CD-HRSS", "application/json", limit + 1);
        assertEquals(413, webhook.status(), webhook.toString());
        assertTrue(webhook.header("content-type").startsWith("application/problem+json"), webhook.toString());
        JsonPath problem = JsonPath.from(webhook.body());
        assertEquals("attachments", problem.getString("errors[0].field"));
        assertEquals(limit, problem.getLong("maxBytes"));
        assertTrue(problem.getString("detail").contains(Long.toString(limit)), problem.getString("detail"));

        RawResponse open311 = headersOnly("/open311/v2/requests.json", "application/x-www-form-urlencoded", limit * 2);
        assertEquals(413, open311.status(), open311.toString());
        assertEquals("body", JsonPath.from(open311.body()).getString("errors[0].field"));
        assertEquals(limit, JsonPath.from(open311.body()).getLong("maxBytes"));
    }

    record RawResponse(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }

    /** A POST that declares {@code length} bytes and sends none of them, read to the server's close. */
    private static RawResponse headersOnly(String path, String type, long length) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type
                    + "\r\nContent-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            assertTrue(end > 0, "an HTTP answer: " + raw);
            String[] lines = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new java.util.HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(end + 4));
        }
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
