package org.linkage.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A 110 call closed as answered (咨询直接答复): the call-taker answered the caller's question from the knowledge
 * base, no ticket is made, and 12345 counts it as resolved at first contact. Carries nothing personal.
 *
 * @param articleIds the knowledge-base articles the answer cited (at least one)
 */
public record CallAnswered(
        UUID callId,
        String callNumber,
        String categoryCode,
        String districtCode,
        List<Long> articleIds,
        Instant receivedAt,
        String answeredBy,
        Instant answeredAt) implements CallEvent {
    @Override
    public String type() {
        return EventTypes.CALL_ANSWERED;
    }
}
