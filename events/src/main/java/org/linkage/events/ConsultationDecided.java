package org.linkage.events;

import java.time.Instant;
import java.util.UUID;

/**
 * 12345's answer to a {@link ConsultationRequested}: accepted by a dispatcher (intake then refers the call as usual),
 * declined with a reason, or expired because nobody decided in time (首接负责: the call stays with 110).
 *
 * @param outcome      {@code ACCEPTED}, {@code DECLINED} or {@code EXPIRED}
 * @param categoryCode on acceptance, the non-police category the dispatcher chose; null for the suggestion's
 * @param reason       the dispatcher's reason (required to decline); null on expiry
 * @param decidedBy    the dispatcher, or {@code system:consultation-expiry}
 */
public record ConsultationDecided(
        UUID consultationId,
        UUID callId,
        String callNumber,
        String outcome,
        String categoryCode,
        String reason,
        String decidedBy,
        Instant decidedAt) implements LinkageEvent {

    @Override
    public String topic() {
        return Topics.CONSULTATIONS;
    }

    @Override
    public String type() {
        return EventTypes.CONSULTATION_DECIDED;
    }

    /** The call id, as on the request. */
    @Override
    public String key() {
        return callId.toString();
    }

    @Override
    public String subject() {
        return callNumber;
    }
}
