package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.commons.audit.AuditEntry;
import org.linkage.router.repository.AttachmentContent;
import org.linkage.router.repository.Ticket;
import org.linkage.router.repository.TicketAttachment;
import org.linkage.router.support.Fixtures;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;
import org.linkage.testing.files.Evidence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A department that works in its own system sends its on-site photos with its update (through the bridge, role
 * service:bridge): the same rules as an upload in the console, in the update's transaction, once per key.
 * Test limits: 1 MiB per file, 3 per ticket.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class DepartmentSystemAttachmentTest {
    @Inject
    Fixtures fixtures;
    @Inject
    org.linkage.router.service.AdminService admin;

    @Test
    @TestSecurity(user = "hotline-bridge", roles = "service:bridge")
    void aReplyTheCatalogueWantsEvidenceForIsAcceptedWithTheFilesThatCameWithItAndARetryStoresNoneTwice() {
        try {
            rule(true);
            Ticket t = fixtures.dispatched("HOUSING", "510107", "楼道墙皮脱落 " + UUID.randomUUID());
            update(t, UUID.randomUUID().toString(), "{\"departmentCode\":\"CD-HOUSING\",\"action\":\"SIGN\"}")
                    .statusCode(200).body("status", equalTo("SIGNED"));
            update(t, UUID.randomUUID().toString(), reply(t, "已修复"))
                    .statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("attachments"));

            byte[] photo = Evidence.jpegWithGps(40, 30);
            assertTrue(Evidence.contains(photo, Evidence.EXIF_MARKER));
            String key = "wh2-" + UUID.randomUUID();
            String withPhoto = reply(t, "已修复", file("修复后现场.jpg", "image/jpeg", photo));
            for (int i = 0; i < 2; i++) {
                update(t, key, withPhoto).statusCode(200).body("status", equalTo("REPLIED"));
            }

            List<TicketAttachment> files = attachments(t);
            assertEquals(1, files.size(), "the retried post stored nothing again");
            TicketAttachment a = files.get(0);
            assertEquals("CD-HOUSING", a.departmentCode);
            assertEquals("修复后现场.jpg", a.fileName);
            assertEquals("image/jpeg", a.contentType);
            assertTrue(a.uploadedBy.contains("部门系统"), a.uploadedBy);
            byte[] stored = QuarkusTransaction.requiringNew().call(() ->
                    AttachmentContent.<AttachmentContent>findById(a.id).content);
            assertFalse(Evidence.contains(stored, Evidence.EXIF_MARKER), "the caller's position was stripped");
            assertFalse(Evidence.contains(stored, "Exif"));
            assertEquals(List.of("ATTACHMENT", "REPLY"), fixtures.history(t.ticketNumber).stream()
                    .map(h -> h.action).filter(s -> s.equals("ATTACHMENT") || s.equals("REPLY")).toList());
            List<AuditEntry> audit = QuarkusTransaction.requiringNew().call(() -> Ticket.getEntityManager()
                    .createQuery("from AuditEntry a where a.entityId = ?1 and a.action = 'ATTACHMENT_UPLOADED'",
                            AuditEntry.class).setParameter(1, a.id.toString()).getResultList());
            assertEquals(1, audit.size());
            assertTrue(audit.get(0).details.contains("department-system"), audit.get(0).details);
        } finally {
            rule(false);
        }
    }

    @Test
    @TestSecurity(user = "hotline-bridge", roles = "service:bridge")
    void filesSentWithAnEarlierUpdateCountForTheReply() {
        try {
            rule(true);
            Ticket t = fixtures.dispatched("HOUSING", "510107", "楼顶漏水 " + UUID.randomUUID());
            update(t, UUID.randomUUID().toString(), "{\"departmentCode\":\"CD-HOUSING\",\"action\":\"SIGN\"}")
                    .statusCode(200);
            update(t, UUID.randomUUID().toString(), "{\"departmentCode\":\"CD-HOUSING\",\"action\":\"PROGRESS\","
                    + "\"note\":\"已到场查看\",\"attachments\":[" + file("漏水点.pdf", "application/pdf", Evidence.pdf(3_000))
                    + "]}").statusCode(200).body("status", equalTo("IN_PROGRESS"));
            update(t, UUID.randomUUID().toString(), reply(t, "已完成防水修补")).statusCode(200)
                    .body("status", equalTo("REPLIED"));
            assertEquals(1, attachments(t).size());
        } finally {
            rule(false);
        }
    }

    @Test
    @TestSecurity(user = "hotline-bridge", roles = "service:bridge")
    void aBadFileIsNamedByItsPlaceAndNothingOfTheUpdateIsKept() {
        Ticket t = fixtures.signed();
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        update(t, UUID.randomUUID().toString(), reply(t, "已处理", file("a.jpg", "image/jpeg", Evidence.plainJpeg(8, 8)),
                file("b.jpg", "image/jpeg", html)))
                .statusCode(415).contentType("application/problem+json")
                .body("errors[0].field", equalTo("attachments[1].content"))
                .body("detail", containsString("attachments[1].content"));
        update(t, UUID.randomUUID().toString(), reply(t, "已处理", file("big.pdf", "application/pdf",
                Evidence.pdf(1_048_577))))
                .statusCode(413).body("errors[0].field", equalTo("attachments[0].content"));
        update(t, UUID.randomUUID().toString(), reply(t, "已处理", file("empty.pdf", "application/pdf", new byte[0])))
                .statusCode(400).body("errors[0].field", equalTo("attachments[0].content"));
        // Four files where the ticket takes three: the fourth is refused, and with it the three before it.
        update(t, UUID.randomUUID().toString(), reply(t, "已处理", file("1.pdf", "application/pdf", Evidence.pdf(1_001)),
                file("2.pdf", "application/pdf", Evidence.pdf(1_002)), file("3.pdf", "application/pdf", Evidence.pdf(1_003)),
                file("4.pdf", "application/pdf", Evidence.pdf(1_004))))
                .statusCode(422).body("errors[0].field", equalTo("attachments[3].content"));
        assertEquals(0, attachments(t).size());
        assertEquals("SIGNED", fixtures.reload(t.ticketNumber).status.name());
    }

    @Test
    @TestSecurity(user = "hotline-bridge", roles = "service:bridge")
    void aRefusedTransitionKeepsNoFileAndAnotherUnitCannotAddAny() {
        Ticket replied = fixtures.replied();
        update(replied, UUID.randomUUID().toString(), "{\"departmentCode\":\"" + replied.leadDepartmentCode
                + "\",\"action\":\"SIGN\",\"attachments\":["
                + file("x.jpg", "image/jpeg", Evidence.plainJpeg(8, 8)) + "]}").statusCode(409);
        assertEquals(0, attachments(replied).size());

        Ticket t = fixtures.signed();
        update(t, UUID.randomUUID().toString(), "{\"departmentCode\":\"510107-URBAN\",\"action\":\"PROGRESS\","
                + "\"note\":\"看看\",\"attachments\":[" + file("x.jpg", "image/jpeg", Evidence.plainJpeg(8, 8)) + "]}")
                .statusCode(404);
        assertEquals(0, attachments(t).size());
    }

    private static ValidatableResponse update(Ticket t, String key, String body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/integration/tickets/" + t.ticketNumber + "/updates").then();
    }

    private static String reply(Ticket t, String answer, String... files) {
        return "{\"departmentCode\":\"" + t.leadDepartmentCode + "\",\"action\":\"REPLY\",\"answer\":\"" + answer + "\""
                + (files.length == 0 ? "" : ",\"attachments\":[" + String.join(",", files) + "]") + "}";
    }

    private static String file(String name, String type, byte[] bytes) {
        return "{\"fileName\":\"" + name + "\",\"contentType\":\"" + type + "\",\"content\":\""
                + Base64.getEncoder().encodeToString(bytes) + "\"}";
    }

    private static List<TicketAttachment> attachments(Ticket t) {
        return QuarkusTransaction.requiringNew().call(() -> TicketAttachment.of(t.id));
    }

    private void rule(boolean attachmentRequired) {
        QuarkusTransaction.requiringNew().run(() -> admin.saveRule("HOUSING", new org.linkage.router.service.ReferenceData.RuleData(
                "HOUSING", null, "MUNICIPAL", "CD-HOUSING", null, List.of("DISTRICT:GOV"), "NORMAL", "1WD", "5WD", false,
                null, null, null, attachmentRequired), Fixtures.SUPERVISOR));
    }
}
