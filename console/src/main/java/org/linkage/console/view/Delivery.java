package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * The bridge's delivery of a ticket version to a unit's system, with its attempts (dead letters among them).
 * {@code kind} is {@code TICKET} or {@code ATTACHMENT_NOTICE} (a file added after dispatch); null from a bridge before
 * issue 13's notices, which delivered only tickets.
 */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record Delivery(String id, String ticketId, String ticketNumber, int ticketVersion, String departmentCode,
                       String adapter, String endpointUrl, String status, int attemptCount, Integer lastResponseCode,
                       Long lastLatencyMs, String lastError, String externalRef, String idempotencyKey,
                       String nextAttemptAt, String createdAt, String updatedAt, String deliveredAt,
                       String kind, List<Attempt> attempts) {

    /** A notice of a later file rather than a version of the ticket: the dispatcher replays it knowing so. */
    public boolean notice() {
        return "ATTACHMENT_NOTICE".equals(kind);
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attempt(int attemptNo, String startedAt, Long latencyMs, Integer responseCode, String outcome,
                          String error, String externalRef) {
    }
}
