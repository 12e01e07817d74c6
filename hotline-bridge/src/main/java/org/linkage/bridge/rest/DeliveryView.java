package org.linkage.bridge.rest;

import org.linkage.bridge.repository.Delivery;
import org.linkage.bridge.repository.DeliveryAttempt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A delivery as dispatchers see it; {@code attempts} is filled only on the single-delivery view. {@code kind} is
 * {@code TICKET} (a version of the ticket) or {@code ATTACHMENT_NOTICE} (a file added to it, {@code attachmentId}).
 */
public record DeliveryView(
        UUID id,
        UUID ticketId,
        String ticketNumber,
        int ticketVersion,
        String departmentCode,
        String adapter,
        String endpointUrl,
        String status,
        int attemptCount,
        Integer lastResponseCode,
        Long lastLatencyMs,
        String lastError,
        String externalRef,
        String idempotencyKey,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant updatedAt,
        Instant deliveredAt,
        String kind,
        UUID attachmentId,
        List<Attempt> attempts) {

    public record Attempt(int attemptNo, Instant startedAt, Long latencyMs, Integer responseCode, String outcome,
                          String error, String externalRef) {
        static Attempt of(DeliveryAttempt a) {
            return new Attempt(a.attemptNo, a.startedAt, a.latencyMs, a.responseCode, a.outcome, a.error, a.externalRef);
        }
    }

    static DeliveryView of(Delivery d, List<DeliveryAttempt> attempts) {
        return new DeliveryView(d.id, d.ticketId, d.ticketNumber, d.ticketVersion, d.departmentCode, d.adapter.name(),
                d.endpointUrl, d.status.name(), d.attempts, d.lastResponseCode, d.lastLatencyMs, d.lastError,
                d.externalRef, d.idempotencyKey, d.nextAttemptAt, d.createdAt, d.updatedAt, d.deliveredAt,
                d.kind.name(), d.attachmentId, attempts == null ? null : attempts.stream().map(Attempt::of).toList());
    }
}
