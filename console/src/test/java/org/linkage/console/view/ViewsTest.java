package org.linkage.console.view;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The services' JSON, as their OpenAPI examples show it, reads into the console's records; a field a service adds
 * later is ignored rather than failing the page (a plain ObjectMapper fails on unknown fields unless told).
 */
class ViewsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void intakesCallReadsWithItsClassificationReferralAndANewField() throws Exception {
        CallDetail call = JSON.readValue("""
                {"id": "5f0e2a9c-1b7d-4c3e-8a6f-9d2b4e1c7a30", "callNumber": "110-20261201-000042",
                 "retrievalCode": "P3V8N2TW", "channel": "PHONE", "callerPhone": "139****0021", "callerName": "李*",
                 "address": "成都市锦江区春熙路某小区", "districtCode": "510104", "districtName": "锦江区",
                 "latitude": 30.65, "longitude": 104.08, "content": "楼下餐馆每天凌晨两点还在排油烟，噪音很大",
                 "receivedAt": "2026-12-01T18:02:00Z", "takenBy": "calltaker2", "createdAt": "2026-12-01T18:02:04Z",
                 "urgency": "NORMAL",
                 "classification": {"disposition": "NON_POLICE", "categoryCode": "NOISE", "categoryNameZh": "噪声扰民",
                  "categoryNameEn": "Noise", "confidence": 0.88, "signals": ["category: 噪音"], "modelVersion": "nb-1"},
                 "decision": "CONFIRMED", "disposition": "NON_POLICE", "categoryCode": "NOISE",
                 "decidedBy": "calltaker2", "decidedAt": "2026-12-01T18:03:30Z",
                 "referral": {"referralId": "9a1b2c3d-0000-4e7a-b6d9-1a2b3c4d5e6f", "referredAt": "2026-12-01T18:03:30Z",
                  "disposition": "NON_POLICE", "categoryCode": "NOISE", "urgency": "NORMAL"},
                 "audit": [{"entityType": "CALL", "entityId": "x", "action": "CALL_TAKEN", "actor": "calltaker2",
                  "actorRoles": "call-taker", "reason": null, "details": null, "at": "2026-12-01T18:02:04Z"}],
                 "confidential": false, "aFieldIntakeAddsLater": {"any": "thing"}}""", CallDetail.class);
        assertEquals("110-20261201-000042", call.callNumber());
        assertEquals(0.88, call.classification().confidence());
        assertEquals("2026-12-01T18:03:30Z", call.referral().referredAt(), "times stay as intake wrote them");
        assertEquals("calltaker2", call.audit().get(0).actor());
        assertNull(call.ticket());
        assertFalse(call.confidential());
    }

    @Test
    void theRoutersTicketPageReadsWithItsUnitsAndLinks() throws Exception {
        Page<Ticket> page = JSON.readValue("""
                {"total": 41, "page": 0, "size": 20, "items": [
                 {"id": "7c1d", "ticketNumber": "12345-20261128-000042", "status": "DISPATCHED", "version": 3,
                  "categoryCode": "WAGES", "urgency": "NORMAL", "content": "拖欠工资", "phoneMasked": true,
                  "leadDepartment": {"code": "CD-HRSS", "nameZh": "成都市人力资源和社会保障局", "nameEn": "Chengdu HRSS",
                   "role": "LEAD"},
                  "supportingDepartments": [], "resolveBy": "2026-12-05T10:00:00Z", "duplicateScore": 0.87,
                  "permittedActions": null, "confidential": false, "aFieldTheRouterAddsLater": 1}]}""",
                new TypeReference<Page<Ticket>>() {
                });
        Ticket t = page.items().get(0);
        assertEquals("成都市人力资源和社会保障局", t.leadDepartment().nameZh());
        assertEquals(0.87, t.duplicateScore());
        assertTrue(t.phoneMasked());
        assertNull(page.prevPage());
        assertEquals(1, page.nextPage());
    }

    @Test
    void aKnowledgeHitTickedOnTheFormKeepsWhatTheRouterSaid() throws Exception {
        KnowledgeHit hit = JSON.readValue("""
                {"id": 12, "version": 3, "titleZh": "被拖欠工资怎么办", "titleEn": null, "categoryCode": "WAGES",
                 "departmentCode": "CD-HRSS", "keywords": ["欠薪"], "excerpt": "可向劳动监察投诉", "score": 0.8123,
                 "matched": ["欠薪"]}""", KnowledgeHit.class);
        assertFalse(hit.chosen(), "the router never ticks");
        KnowledgeHit ticked = hit.chosen(true);
        assertTrue(ticked.chosen());
        assertEquals(hit.titleZh(), ticked.titleZh());
        assertEquals(hit.matched(), ticked.matched());
    }

    @Test
    void everyShapeAPageNamesWithFmtNameNamesItself() {
        // fmt:name takes a Named (or a map); any other record would be shown as its toString()
        for (Class<?> named : java.util.List.of(Ticket.Unit.class, Department.class, DistrictDetail.class,
                Ranking.Row.class, OverrideReport.CategoryOverrides.class, PublicCase.Department.class)) {
            assertTrue(org.linkage.console.client.Named.class.isAssignableFrom(named), named.getSimpleName());
        }
    }

    @Test
    void aBridgeDeliveryTellsANoticeOfALaterFileFromATicketVersion() throws Exception {
        String json = """
                {"id": "d1", "ticketId": "t1", "ticketNumber": "12345-20261203-000007", "ticketVersion": 2,
                 "departmentCode": "CD-WATER", "adapter": "WEBHOOK", "status": "DEAD_LETTER", "attemptCount": 8,
                 "kind": "%s", "attachmentId": "a1", "attempts": []}""";
        Delivery notice = JSON.readValue(json.formatted("ATTACHMENT_NOTICE"), Delivery.class);
        Delivery version = JSON.readValue(json.formatted("TICKET"), Delivery.class);
        Delivery older = JSON.readValue(json.replace("\"kind\": \"%s\", ", ""), Delivery.class);
        assertTrue(notice.notice(), "the dead-letter list marks it, so it is not replayed as version 2 of the ticket");
        assertFalse(version.notice());
        assertFalse(older.notice(), "a bridge before the notices sent only ticket versions");
    }
}
