package org.linkage.intake.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.linkage.events.EventTypes;
import org.linkage.events.PoliceTransferCreated;
import org.linkage.events.Topics;

import java.util.UUID;

/** Police matters handed back by 12345, published to Kafka as the router would. */
public final class HandBacks {
    private HandBacks() {
    }

    public static void publish(ObjectMapper json, PoliceTransferCreated transfer) throws JsonProcessingException {
        publish(json, transfer, transfer.transferId().toString(), UUID.randomUUID().toString());
    }

    /**
     * Publishes {@code transfer} twice under one event id (a replay), then {@code marker} on the same key:
     * one partition, so once the marker has been consumed the replay has been too.
     */
    public static void publishReplayedThenMarker(ObjectMapper json, PoliceTransferCreated transfer,
                                                 PoliceTransferCreated marker) throws JsonProcessingException {
        String key = transfer.transferId().toString();
        String eventId = UUID.randomUUID().toString();
        publish(json, transfer, key, eventId);
        publish(json, transfer, key, eventId);
        publish(json, marker, key, UUID.randomUUID().toString());
    }

    private static void publish(ObjectMapper json, PoliceTransferCreated transfer, String key, String eventId)
            throws JsonProcessingException {
        KafkaClient.publish(Topics.POLICE_TRANSFERS, key, eventId, EventTypes.POLICE_TRANSFER_CREATED,
                transfer.ticketNumber(), json.writeValueAsString(transfer));
    }
}
