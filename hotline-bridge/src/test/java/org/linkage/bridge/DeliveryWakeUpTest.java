package org.linkage.bridge;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventTypes;
import org.linkage.events.TicketDispatched;
import org.linkage.events.Topics;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A department gets a dispatched ticket as soon as the bridge has recorded it, not at the worker's next tick: here
 * the tick is an hour away, so only the wake-up after the consumer's commit can deliver it.
 */
@QuarkusTest
@TestProfile(DeliveryWakeUpTest.TimerAnHourAway.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class DeliveryWakeUpTest {

    public static class TimerAnHourAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("linkage.bridge.delivery.poll-interval", "1h", "linkage.bridge.delivery.start-delay", "1h");
        }
    }

    @Test
    void aDispatchIsDeliveredOnTheCommitThatRecordsItWithoutWaitingForTheTimer() throws Exception {
        String path = "/dept/hrss/" + Tickets.nextNumber();
        WireMockResource.server().stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"externalRef\":\"HRSS-WAKE-1\"}")));
        TicketDispatched ticket = Tickets.dispatched("CD-HRSS", "WEBHOOK", WireMockResource.url(path));
        String key = ticket.ticketId().toString();

        KafkaTestSupport.produce(Topics.TICKETS, key, EventTypes.TICKET_DISPATCHED, ticket);

        List<ConsumerRecord<String, String>> outcomes = KafkaTestSupport.read(Topics.DELIVERIES,
                r -> key.equals(r.key()), 1, Duration.ofSeconds(60));
        assertEquals(1, outcomes.size(), "the ticket was delivered and reported long before the timer's first tick");
        assertEquals(EventTypes.DELIVERY_SUCCEEDED, KafkaTestSupport.header(outcomes.get(0), "ce_type"));
        assertEquals(1, WireMockResource.server().findAll(postRequestedFor(urlPathEqualTo(path))).size());
    }
}
