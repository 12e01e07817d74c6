package org.linkage.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What became of delivering one version of a ticket to a department system.
 *
 * @param status      {@code DELIVERED} or {@code DEAD_LETTERED}
 * @param externalRef the department system's own reference, when it gave one
 */
public record DeliveryOutcome(
        UUID deliveryId,
        UUID ticketId,
        String ticketNumber,
        int ticketVersion,
        String departmentCode,
        String adapter,
        String status,
        int attempts,
        String externalRef,
        String lastError,
        Instant at) implements LinkageEvent {
    public static final String DELIVERED = "DELIVERED";
    public static final String DEAD_LETTERED = "DEAD_LETTERED";

    /** The outcome stream; a dead-lettered outcome is also copied to {@link Topics#DELIVERIES_DLQ}. */
    @Override
    public String topic() {
        return Topics.DELIVERIES;
    }

    /** {@link EventTypes#DELIVERY_SUCCEEDED} or {@link EventTypes#DELIVERY_DEAD_LETTERED}, by {@link #status()}. */
    @Override
    public String type() {
        return switch (status) {
            case DELIVERED -> EventTypes.DELIVERY_SUCCEEDED;
            case DEAD_LETTERED -> EventTypes.DELIVERY_DEAD_LETTERED;
            default -> throw new IllegalStateException("a delivery outcome is " + DELIVERED + " or " + DEAD_LETTERED
                    + ", not " + status);
        };
    }

    /** The ticket id, so a ticket's outcomes stay in order. */
    @Override
    public String key() {
        return ticketId.toString();
    }

    @Override
    public String subject() {
        return ticketNumber;
    }
}
