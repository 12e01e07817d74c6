package org.linkage.intake.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.http.entity.mime.HttpMultipartMode;
import org.junit.jupiter.api.Test;
import org.linkage.intake.repository.CallRepository;
import org.linkage.intake.support.CallFixtures;
import org.linkage.intake.support.CallRows;
import org.linkage.intake.support.RouterStandIn;
import org.linkage.testing.files.Evidence;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 part 1 on the 110 side: evidence on calls over HTTP (test limits: 1 MiB, 3 files per call), and a referred
 * call's files taken onto its ticket by intake's service token (the router here a real HTTP stand-in; the whole way
 * through the real router is in e2e).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(RouterStandIn.class)
class CallAttachmentTest {
    @Inject
    CallRepository calls;
    @Inject
    EntityManager em;

    /** Multipart as browsers send it: the file name in UTF-8 in the part's Content-Disposition. */
    private static RequestSpecification given() {
        return RestAssured.given().config(RestAssuredConfig.config()
                .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
                .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset("UTF-8")));
    }

    private static String path(UUID call) {
        return "/api/calls/" + call + "/attachments";
    }

    @Test
    @TestSecurity(user = "calltaker1", roles = "call-taker")
    void aCallersPhotoIsKeptWithoutItsGpsPositionAndAudited() {
        UUID call = CallFixtures.post(CallFixtures.call(CallFixtures.NOISE));
        byte[] photo = Evidence.jpegWithGps(64, 48);
        assertTrue(Evidence.contains(photo, Evidence.EXIF_MARKER), "the upload really carries the position");

        Response created = given().multiPart("file", "现场照片.jpg", photo, "image/jpeg").post(path(call));
        created.then().statusCode(201).body("contentType", equalTo("image/jpeg"))
                .body("fileName", equalTo("现场照片.jpg")).body("uploadedBy", equalTo("calltaker1"))
                .body("forwardedToTicket", equalTo(false));
        String href = created.jsonPath().getString("href");
        assertEquals(href, created.header("Location"));

        Response served = given().get(href);
        served.then().statusCode(200).contentType("image/jpeg").header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", containsString("filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.jpg"));
        byte[] bytes = served.asByteArray();
        assertFalse(Evidence.contains(bytes, "Exif"));
        assertFalse(Evidence.contains(bytes, Evidence.EXIF_MARKER));
        List<Integer> markers = Evidence.jpegMarkers(bytes);
        assertFalse(markers.stream().anyMatch(m -> m >= 0xE1 && m <= 0xEF), "no APP1..APP15 segment: " + markers);

        given().get(path(call)).then().statusCode(200).body("", hasSize(1)).body("[0].href", equalTo(href))
                .body("[0].sizeBytes", equalTo(bytes.length));
        given().get("/api/calls/" + call + "/audit").then().statusCode(200)
                .body("action", hasItem("ATTACHMENT_UPLOADED")).body("action", hasItem("ATTACHMENT_DOWNLOADED"));
    }

    @Test
    @TestSecurity(user = "calltaker1", roles = "call-taker")
    void badFilesAreRefusedWithProblemsNamingTheField() {
        UUID call = CallFixtures.post(CallFixtures.call(CallFixtures.NOISE));
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        given().multiPart("file", "photo.jpg", html, "image/jpeg").post(path(call)).then().statusCode(415)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        given().contentType("image/png").body(new byte[0]).post(path(call)).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        given().contentType("application/pdf").body(Evidence.pdf(1_100_000)).post(path(call)).then().statusCode(413)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        given().multiPart("other", "x.pdf", Evidence.pdf(100), "application/pdf").post(path(call)).then()
                .statusCode(400).body("errors[0].field", equalTo("file"));
        // A PDF declared as a picture is stored as the PDF it is; then the count limit (3 in tests).
        for (int i = 0; i < 3; i++) {
            given().contentType("image/jpeg").body(Evidence.pdf(500)).queryParam("fileName", "材料.jpg").post(path(call))
                    .then().statusCode(201).body("contentType", equalTo("application/pdf"))
                    .body("fileName", equalTo("材料.jpg.pdf"));
        }
        given().contentType("application/pdf").body(Evidence.pdf(500)).post(path(call)).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file"))
                .body("maxPerCall", equalTo(3));
        given().contentType("application/pdf").body(Evidence.pdf(500)).post("/api/calls/not-a-uuid/attachments")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    @TestSecurity(user = "calltaker1", roles = "call-taker")
    void someoneElsesCallIsNotFoundForItsFilesEither() {
        UUID theirs = CallRows.insert(calls, c -> c.takenBy = "calltaker2");
        given().contentType("application/pdf").body(Evidence.pdf(500)).post(path(theirs)).then().statusCode(404)
                .contentType("application/problem+json");
        given().get(path(theirs)).then().statusCode(404);
        UUID attachment = QuarkusTransaction.requiringNew().call(() -> {
            UUID id = UUID.randomUUID();
            em.createNativeQuery("insert into call_attachment (id, call_id, file_name, content_type, size_bytes, sha256,"
                            + " uploaded_by, uploaded_at) values (?1, ?2, 'x.pdf', 'application/pdf', 3, ?3, 'calltaker2', now())")
                    .setParameter(1, id).setParameter(2, theirs).setParameter(3, "0".repeat(64)).executeUpdate();
            return id;
        });
        given().get(path(theirs) + "/" + attachment).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aSupervisorReadsButDoesNotAttach() {
        UUID theirs = CallRows.insert(calls, c -> c.takenBy = "calltaker2");
        given().get(path(theirs)).then().statusCode(200).body("", hasSize(0));
        given().contentType("application/pdf").body(Evidence.pdf(500)).post(path(theirs)).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "calltaker1", roles = "call-taker")
    void aReferredCallsFilesReachItsTicketOnceWithIntakesOwnToken() {
        UUID call = UUID.fromString(CallFixtures.postConfirmed(CallFixtures.WAGES).path("id"));
        Response created = given().multiPart("file", "欠条.png", Evidence.pdf(800), "image/png").post(path(call));
        created.then().statusCode(201);
        UUID attachment = UUID.fromString(created.jsonPath().getString("id"));
        byte[] stored = given().get(created.jsonPath().getString("href")).asByteArray();
        // Nothing goes before the ticket is known.
        assertTrue(RouterStandIn.uploads().stream().noneMatch(u -> attachment.toString().equals(u.query().get("sourceId"))));

        String ticketNumber = "12345-20261201-" + call.toString().substring(0, 6);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update call set ticket_number = ?1 where id = ?2")
                .setParameter(1, ticketNumber).setParameter(2, call).executeUpdate());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get(path(call)).then().statusCode(200)
                .body("[0].forwardedToTicket", equalTo(true)));
        List<RouterStandIn.Upload> sent = RouterStandIn.uploads().stream()
                .filter(u -> attachment.toString().equals(u.query().get("sourceId"))).toList();
        assertEquals(1, sent.size(), "taken once, then no more: " + sent);
        RouterStandIn.Upload u = sent.get(0);
        assertEquals(ticketNumber, u.ticketNumber());
        assertEquals(call.toString(), u.query().get("callId"));
        assertEquals("calltaker1", u.query().get("uploadedBy"));
        assertEquals("欠条.png.pdf", u.query().get("fileName"));
        assertEquals("Bearer " + RouterStandIn.TOKEN, u.authorization(), "intake's own service token, not the user's");
        assertArrayEquals(stored, u.body());
        given().get("/api/calls/" + call + "/audit").then().body("action", hasItem("ATTACHMENT_FORWARDED"));
    }

    private String waiting(UUID attachment) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select coalesce(forward_refused, '') from call_attachment"
                    + " where id = ?1 and forwarded_at is null").setParameter(1, attachment).getResultList();
            return rows.isEmpty() ? "forwarded" : rows.get(0).toString();
        });
    }

    @Test
    @TestSecurity(user = "calltaker1", roles = "call-taker")
    void filesOfCallsThatWillNeverBeTicketsLeaveTheForwardingScanWhileUndecidedOnesWait() {
        UUID pending = CallRows.insert(calls, c -> c.takenBy = "calltaker1");
        UUID kept = CallRows.insert(calls, c -> {
            c.takenBy = "calltaker1";
            c.decision = org.linkage.intake.domain.Decision.CONFIRMED;
            c.disposition = org.linkage.intake.classification.Disposition.POLICE;
            c.categoryCode = "CRIME";
            c.decidedBy = "calltaker1";
            c.decidedAt = java.time.Instant.now();
        });
        UUID invalid = CallRows.insert(calls, c -> {
            c.takenBy = "calltaker1";
            c.decision = org.linkage.intake.domain.Decision.OVERRIDDEN;
            c.disposition = org.linkage.intake.classification.Disposition.INVALID;
            c.overrideReason = "误拨";
            c.decidedBy = "calltaker1";
            c.decidedAt = java.time.Instant.now();
        });
        UUID waits = UUID.fromString(given().contentType("application/pdf").body(Evidence.pdf(500)).post(path(pending))
                .then().statusCode(201).extract().path("id"));
        UUID police = UUID.fromString(given().contentType("application/pdf").body(Evidence.pdf(500)).post(path(kept))
                .then().statusCode(201).extract().path("id"));
        UUID nothing = UUID.fromString(given().contentType("application/pdf").body(Evidence.pdf(500)).post(path(invalid))
                .then().statusCode(201).extract().path("id"));

        // Settled for good: out of the partial index (forwarded_at and forward_refused null) the worker scans.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals(org.linkage.intake.service.AttachmentForwarder.NO_TICKET, waiting(police));
            assertEquals(org.linkage.intake.service.AttachmentForwarder.NO_TICKET, waiting(nothing));
        });
        // The undecided call's file was older, so that round saw it too, and left it waiting for its ticket.
        assertEquals("", waiting(waits));
        assertTrue(RouterStandIn.uploads().stream().noneMatch(u -> List.of(police.toString(), nothing.toString(),
                waits.toString()).contains(u.query().get("sourceId"))));
        given().get("/api/calls/" + kept + "/audit").then().statusCode(200).body("action", hasItem("ATTACHMENT_FORWARDED"));
        given().get(path(kept)).then().statusCode(200).body("[0].forwardedToTicket", equalTo(false));
    }
}
