package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.commons.audit.AuditEntry;
import org.linkage.router.repository.Ticket;
import org.linkage.router.repository.TicketAttachment;
import org.linkage.router.service.AttachmentService;
import org.linkage.testing.files.Evidence;
import org.linkage.router.support.Fixtures;
import org.linkage.router.support.KafkaSupport;
import org.linkage.events.EventTypes;
import org.linkage.events.Topics;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13 part 1: evidence on tickets, over HTTP, with the unit-level access rules (test limits: 1 MiB, 3 files). */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class AttachmentTest {
    @Inject
    Fixtures fixtures;
    @Inject
    AttachmentService attachments;
    @Inject
    org.linkage.router.service.AdminService admin;

    /** Multipart as browsers send it: the file name in UTF-8 in the part's Content-Disposition. */
    private static io.restassured.specification.RequestSpecification given() {
        return io.restassured.RestAssured.given().config(io.restassured.config.RestAssuredConfig.config()
                .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                        .httpMultipartMode(org.apache.http.entity.mime.HttpMultipartMode.BROWSER_COMPATIBLE))
                .multiPartConfig(io.restassured.config.MultiPartConfig.multiPartConfig().defaultCharset("UTF-8")));
    }

    private static String path(Ticket t) {
        return "/api/tickets/" + t.ticketNumber + "/attachments";
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void aPhotosGpsPositionNeverReachesAnyoneWhoDownloadsIt() {
        Ticket t = fixtures.signed();
        byte[] photo = Evidence.jpegWithGps(64, 48);
        // The upload really carries the caller's position, so the test can fail.
        assertTrue(Evidence.jpegMarkers(photo).contains(0xE1));
        assertTrue(Evidence.contains(photo, Evidence.EXIF_MARKER));

        Response created = given().multiPart("file", "现场照片.jpg", photo, "image/jpeg").post(path(t));
        created.then().statusCode(201).body("contentType", equalTo("image/jpeg"))
                .body("fileName", equalTo("现场照片.jpg")).body("departmentCode", equalTo("CD-HRSS"))
                .body("uploadedBy", equalTo("agent-hrss"));
        String href = created.jsonPath().getString("href");
        assertEquals(href, created.header("Location"));

        Response served = given().get(href);
        served.then().statusCode(200).contentType("image/jpeg")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", containsString("attachment;"))
                .header("Content-Disposition", containsString("filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.jpg"));
        byte[] bytes = served.asByteArray();
        List<Integer> markers = Evidence.jpegMarkers(bytes);
        assertFalse(markers.stream().anyMatch(m -> m >= 0xE1 && m <= 0xEF), "no APP1..APP15 segment: " + markers);
        assertFalse(Evidence.contains(bytes, "Exif"));
        assertFalse(Evidence.contains(bytes, Evidence.EXIF_MARKER));
        BufferedImage image = decode(bytes);
        assertEquals(64, image.getWidth());
        assertEquals(48, image.getHeight());

        // What is stored is what is served: nothing with the position is kept beside it.
        byte[] stored = QuarkusTransaction.requiringNew().call(() ->
                org.linkage.router.repository.AttachmentContent.<org.linkage.router.repository.AttachmentContent>findById(
                        UUID.fromString(created.jsonPath().getString("id"))).content);
        assertArrayEquals(bytes, stored);

        given().get(path(t)).then().statusCode(200).body("", hasSize(1)).body("[0].href", equalTo(href))
                .body("[0].sizeBytes", equalTo(bytes.length));
    }

    /**
     * A file added after dispatch is announced on the ticket's stream, once, saying what the file is (as stored,
     * cleaned) and never what it holds: the units' systems ask for an expiring link when they want the bytes.
     */
    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void aFileAddedToADispatchedTicketIsAnnouncedOnceWithoutItsContentOrPosition() {
        Ticket t = fixtures.signed();
        byte[] photo = Evidence.jpegWithGps(64, 48);
        Response created = given().multiPart("file", "整改后照片.jpg", photo, "image/jpeg").post(path(t));
        created.then().statusCode(201);
        String id = created.jsonPath().getString("id");
        long stored = created.jsonPath().getLong("sizeBytes");

        List<KafkaSupport.Event> events = KafkaSupport.read(Topics.TICKETS, e -> t.id.toString().equals(e.key())
                && EventTypes.TICKET_ATTACHMENT_ADDED.equals(e.type()), 2, Duration.ofSeconds(8));
        assertEquals(1, events.size(), "one event per file: " + events);
        KafkaSupport.Event e = events.get(0);
        assertEquals(t.ticketNumber, e.subject());
        assertEquals(id, e.data().path("attachmentId").asText());
        assertEquals("整改后照片.jpg", e.data().path("fileName").asText());
        assertEquals("image/jpeg", e.data().path("contentType").asText());
        assertEquals(stored, e.data().path("sizeBytes").asLong());
        assertTrue(stored < photo.length, "the size is the cleaned file's, without the EXIF block");
        assertEquals(created.jsonPath().getString("sha256"), e.data().path("sha256").asText());
        assertEquals("CD-HRSS", e.data().path("departmentCode").asText());
        assertEquals("CD-HRSS", e.data().path("uploaderDepartmentCode").asText());
        assertFalse(e.data().has("note"), "no note leaves the router with a file: " + e.data());
        assertFalse(e.data().has("content"), e.data().toString());
        String text = e.data().toString();
        assertFalse(text.contains("Exif") || text.contains("GPS") || text.contains("agent-hrss"), text);
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void aFileOnATicketNotYetDispatchedIsCountedOnItsDispatchNotAnnounced() {
        Ticket t = fixtures.dispatched("NOISE", null, "楼下烧烤店夜间噪音 " + UUID.randomUUID());
        assertEquals("PENDING_DISPATCH", t.status.name());
        given().contentType("application/pdf").body(Evidence.pdf(1_000)).queryParam("fileName", "录音记录.pdf")
                .post(path(t)).then().statusCode(201);
        assertEquals(List.of(), KafkaSupport.read(Topics.TICKETS, e -> t.id.toString().equals(e.key())
                && EventTypes.TICKET_ATTACHMENT_ADDED.equals(e.type()), 1, Duration.ofSeconds(5)));
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void theTypeIsWhatTheBytesAreNotWhatTheClientSays() {
        Ticket t = fixtures.signed();
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        given().multiPart("file", "photo.jpg", html, "image/jpeg").post(path(t)).then().statusCode(415)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        given().contentType("image/png").body(html).queryParam("fileName", "x.png").post(path(t)).then().statusCode(415)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        given().contentType("image/webp").body(webp).post(path(t)).then().statusCode(415)
                .body("detail", containsString("WebP"));
        // A PDF sent as a picture is stored and served as the PDF it is, named so.
        given().contentType("image/jpeg").body(Evidence.pdf(2_000)).queryParam("fileName", "现场.jpg").post(path(t))
                .then().statusCode(201).body("contentType", equalTo("application/pdf"))
                .body("fileName", equalTo("现场.jpg.pdf"));
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void sizeAndCountAreLimitedWithProblemsNamingTheField() {
        Ticket t = fixtures.signed();
        given().contentType("application/pdf").body(Evidence.pdf(1_048_577)).post(path(t)).then().statusCode(413)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        given().multiPart("file", "big.pdf", Evidence.pdf(1_100_000), "application/pdf").post(path(t)).then()
                .statusCode(413).contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        for (int i = 0; i < 3; i++) {
            given().contentType("application/pdf").body(Evidence.pdf(1_000 + i)).queryParam("fileName", "记录" + i + ".pdf")
                    .post(path(t)).then().statusCode(201);
        }
        given().contentType("application/pdf").body(Evidence.pdf(500)).post(path(t)).then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        given().get(path(t)).then().body("", hasSize(3));
        given().contentType("application/pdf").body(new byte[0]).post(path(t)).then().statusCode(400)
                .body("errors[0].field", equalTo("file"));
    }

    @Test
    @TestSecurity(user = "agent-wuhou", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "510107-URBAN"))
    void anotherUnitSeesNeitherTheListNorTheFileNorCanItAdd() {
        Ticket t = fixtures.signed();
        AttachmentService.View v = QuarkusTransaction.requiringNew().call(() -> attachments.upload(t.ticketNumber,
                Fixtures.agent("CD-HRSS"), "工资表.pdf", Evidence.pdf(3_000)));
        given().get(path(t)).then().statusCode(404).contentType("application/problem+json");
        given().get(v.href()).then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/pdf").body(Evidence.pdf(1_000)).post(path(t)).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "agent-gov", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "510107-GOV"))
    void aSupportingUnitSeesAndAddsEvidenceAndEveryDownloadIsAudited() {
        Ticket t = fixtures.signed();
        AttachmentService.View v = QuarkusTransaction.requiringNew().call(() -> attachments.upload(t.ticketNumber,
                Fixtures.agent("CD-HRSS"), "工资表.pdf", Evidence.pdf(3_000)));
        given().get(v.href()).then().statusCode(200).contentType("application/pdf");
        given().multiPart("file", "协办.pdf", Evidence.pdf(1_000), "application/pdf").post(path(t)).then().statusCode(201)
                .body("departmentCode", equalTo("510107-GOV"));
        List<AuditEntry> audit = QuarkusTransaction.requiringNew().call(() -> Ticket.getEntityManager()
                .createQuery("from AuditEntry a where a.entityType = ?1 and a.entityId = ?2 order by a.id", AuditEntry.class)
                .setParameter(1, AttachmentService.ENTITY).setParameter(2, v.id().toString()).getResultList());
        assertEquals(List.of("ATTACHMENT_UPLOADED", "ATTACHMENT_DOWNLOADED"), audit.stream().map(a -> a.action).toList());
        assertEquals("agent-CD-HRSS", audit.get(0).actor);
        assertEquals("agent-gov", audit.get(1).actor);
        assertTrue(fixtures.history(t.ticketNumber).stream().anyMatch(h -> "ATTACHMENT".equals(h.action)
                && "协办.pdf".equals(h.note)));
    }

    @Test
    @TestSecurity(user = "calltaker1", roles = "call-taker")
    void a110CallTakerHasNoUseForTicketEvidence() {
        Ticket t = fixtures.signed();
        AttachmentService.View v = QuarkusTransaction.requiringNew().call(() -> attachments.upload(t.ticketNumber,
                Fixtures.agent("CD-HRSS"), "工资表.pdf", Evidence.pdf(3_000)));
        given().get(path(t)).then().statusCode(403).contentType("application/problem+json");
        given().get(v.href()).then().statusCode(403);
        given().contentType("application/pdf").body(Evidence.pdf(1_000)).post(path(t)).then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "service-account-intake-service", roles = "service:intake")
    void intakePutsACallsFileOntoTheTicketTheCallBecameAndOnlyOnce() {
        Ticket t = fixtures.signed();
        UUID sourceId = UUID.randomUUID();
        java.util.function.Supplier<io.restassured.specification.RequestSpecification> put = () -> given()
                .contentType("application/octet-stream").body(Evidence.pdf(2_000)).queryParam("fileName", "欠条.pdf")
                .queryParam("callId", t.callId.toString()).queryParam("sourceId", sourceId.toString())
                .queryParam("uploadedBy", "calltaker1");
        put.get().post(path(t)).then().statusCode(201).body("id", equalTo(sourceId.toString()))
                .body("uploadedBy", equalTo("110 calltaker1")).body("departmentCode", equalTo(null))
                .body("contentType", equalTo("application/pdf"));
        // Sent again (intake's answer was lost): found, not stored twice.
        put.get().post(path(t)).then().statusCode(201).body("id", equalTo(sourceId.toString()));
        assertEquals(1L, (long) QuarkusTransaction.requiringNew().call(() -> TicketAttachment.countOf(t.id)));

        // Only onto the ticket its own call became, and intake reads no ticket's evidence.
        given().contentType("application/octet-stream").body(Evidence.pdf(1_000)).queryParam("callId", UUID.randomUUID().toString())
                .queryParam("sourceId", UUID.randomUUID().toString()).post(path(t)).then().statusCode(404)
                .contentType("application/problem+json");
        given().contentType("application/octet-stream").body(Evidence.pdf(1_000)).queryParam("callId", t.callId.toString())
                .post(path(t)).then().statusCode(400).body("errors[0].field", equalTo("sourceId"));
        given().get(path(t)).then().statusCode(403);
        given().multiPart("file", "x.pdf", Evidence.pdf(1_000), "application/pdf").post(path(t)).then().statusCode(403);
    }

    @Test
    void withoutATokenNothingIsListedOrServed() {
        Ticket t = fixtures.signed();
        given().get(path(t)).then().statusCode(401);
        given().get(path(t) + "/" + UUID.randomUUID()).then().statusCode(401);
        given().contentType("application/pdf").body(Evidence.pdf(1_000)).post(path(t)).then().statusCode(401);
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void aDispatcherReadsEveryTicketsEvidenceButNothingIsAddedToAClosedTicket() {
        Ticket t = fixtures.calledBack(true);
        given().contentType("application/pdf").body(Evidence.pdf(1_000)).queryParam("fileName", "回访记录.pdf").post(path(t))
                .then().statusCode(201).body("departmentCode", equalTo(null));
        given().contentType(ContentType.JSON).body("{}").post("/api/tickets/" + t.ticketNumber + "/close").then().statusCode(200);
        given().contentType("application/pdf").body(Evidence.pdf(1_000)).post(path(t)).then().statusCode(409)
                .contentType("application/problem+json");
        given().get(path(t)).then().statusCode(200).body("", hasSize(1));
    }

    @Test
    @TestSecurity(user = "agent-housing", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HOUSING"))
    void aReplyTheCatalogueWantsEvidenceForIsRefusedUntilTheLeadUnitAttachesSome() {
        Ticket before = fixtures.dispatched("HOUSING", "510107", "小区外墙瓷砖脱落 " + UUID.randomUUID());
        try {
            rule(true);
            Ticket t = fixtures.dispatched("HOUSING", "510107", "楼梯间墙体开裂 " + UUID.randomUUID());
            given().contentType(ContentType.JSON).body("{}").post("/api/tickets/" + t.ticketNumber + "/sign").then().statusCode(200);
            // The supporting unit's photo is not the lead unit's evidence.
            QuarkusTransaction.requiringNew().run(() -> attachments.upload(t.ticketNumber, Fixtures.agent("510107-GOV"),
                    "街道照片.jpg", Evidence.plainJpeg(20, 20)));
            given().contentType(ContentType.JSON).body("{\"answer\":\"已修复\"}").post("/api/tickets/" + t.ticketNumber + "/reply")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("attachments"));
            assertEquals("SIGNED", fixtures.reload(t.ticketNumber).status.name());
            given().multiPart("file", "修复后.jpg", Evidence.plainJpeg(20, 20), "image/jpeg").post(path(t)).then().statusCode(201);
            given().contentType(ContentType.JSON).body("{\"answer\":\"已修复\"}").post("/api/tickets/" + t.ticketNumber + "/reply")
                    .then().statusCode(200).body("status", equalTo("REPLIED"));
            // A ticket dispatched under the earlier rule keeps it: no evidence needed.
            given().contentType(ContentType.JSON).body("{}").post("/api/tickets/" + before.ticketNumber + "/sign").then().statusCode(200);
            given().contentType(ContentType.JSON).body("{\"answer\":\"已处理\"}").post("/api/tickets/" + before.ticketNumber + "/reply")
                    .then().statusCode(200);
        } finally {
            rule(false);
        }
    }

    private void rule(boolean attachmentRequired) {
        QuarkusTransaction.requiringNew().run(() -> admin.saveRule("HOUSING", new org.linkage.router.service.ReferenceData.RuleData(
                "HOUSING", null, "MUNICIPAL", "CD-HOUSING", null, List.of("DISTRICT:GOV"), "NORMAL", "1WD", "5WD", false,
                null, null, null, attachmentRequired), Fixtures.SUPERVISOR));
    }

    private static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertNotNull(image);
            return image;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
