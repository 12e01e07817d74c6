package org.linkage.router.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.events.AttachmentNoticeOutcome;
import org.linkage.events.DeliveryOutcome;
import org.linkage.events.EventTypes;
import org.linkage.events.Topics;
import org.linkage.router.repository.Ticket;
import org.linkage.router.support.Fixtures;
import org.linkage.router.support.KafkaSupport;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Issue 13 part 1: what became of the bridge's notice of a later file is on the ticket's history, where a dispatcher
 * sees whether the unit's system heard of it (or why not), and never changes the ticket's delivery status, which is
 * about its version.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class AttachmentNoticeOutcomeTest {
    @Inject
    Fixtures fixtures;

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void aNoticesOutcomeIsOnTheHistoryAndLeavesTheDeliveryStatusAlone() {
        Ticket t = fixtures.dispatched();
        String key = t.id.toString();
        KafkaSupport.send(Topics.DELIVERIES, key, UUID.randomUUID().toString(), EventTypes.DELIVERY_SUCCEEDED,
                new DeliveryOutcome(UUID.randomUUID(), t.id, t.ticketNumber, t.version, "CD-HRSS", "WEBHOOK",
                        DeliveryOutcome.DELIVERED, 1, "HR-1", null, Instant.now()));
        String reason = "未推送：Open311（GeoReport v2）无法向已受理的请求追加文件 " + UUID.randomUUID();
        KafkaSupport.send(Topics.DELIVERIES, key, UUID.randomUUID().toString(), EventTypes.ATTACHMENT_NOTICE_OUTCOME,
                new AttachmentNoticeOutcome(UUID.randomUUID(), t.id, t.ticketNumber, t.version, UUID.randomUUID(),
                        "现场.jpg", "CD-HRSS", "OPEN311", AttachmentNoticeOutcome.SKIPPED, 0, null, reason,
                        Instant.now()));
        KafkaSupport.send(Topics.DELIVERIES, key, UUID.randomUUID().toString(), EventTypes.ATTACHMENT_NOTICE_OUTCOME,
                new AttachmentNoticeOutcome(UUID.randomUUID(), t.id, t.ticketNumber, t.version, UUID.randomUUID(),
                        "欠条.pdf", "CD-HRSS", "WEBHOOK", AttachmentNoticeOutcome.DEAD_LETTERED, 4, null, "HTTP 503",
                        Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> fixtures.history(t.ticketNumber).stream()
                .filter(h -> "ATTACHMENT_NOTICE".equals(h.action)).count() == 2);

        given().get("/api/tickets/" + t.ticketNumber).then().statusCode(200)
                // the version was delivered; a notice that was not sent or dead-lettered does not undo that
                .body("deliveryStatus", equalTo("DELIVERED"))
                .body("history.findAll { it.action == 'ATTACHMENT_NOTICE' }.note",
                        hasItem(containsString(reason)))
                .body("history.findAll { it.action == 'ATTACHMENT_NOTICE' }.note",
                        hasItem(containsString("欠条.pdf to CD-HRSS via WEBHOOK: DEAD_LETTERED after 4 attempt(s)")));
    }
}
