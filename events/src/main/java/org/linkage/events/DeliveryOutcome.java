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
        Instant at) {
}
