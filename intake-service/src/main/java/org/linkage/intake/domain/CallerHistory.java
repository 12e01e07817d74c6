package org.linkage.intake.domain;

import java.time.Instant;

/** What the risk rules read: the call being taken and the caller's earlier contacts on both lines. */
public final class CallerHistory {
    private CallerHistory() {
    }

    /**
     * The call the call-taker has open.
     *
     * @param asOf         the moment the history is judged at: when the call was recorded (its given receivedAt
     *                     when that is later), so a ticket made moments before the call reached 110 counts
     * @param disposition  decided, or suggested while pending: {@code POLICE}, {@code NON_POLICE}, {@code JOINT},
     *                     {@code INVALID}
     * @param categoryCode the matter (decided or suggested category); null when none is known
     */
    public record Current(String callNumber, Instant asOf, String disposition, String categoryCode,
                          String districtCode) {
    }

    /**
     * An earlier 110 call of the same caller.
     *
     * @param fromIncident the call came from a police incident (an officer's report): police were there
     */
    public record EarlierCall(String callNumber, Instant receivedAt, String disposition, String categoryCode,
                              String districtCode, boolean fromIncident, String content) {
        /** Police attended: kept by 110, handled jointly, or reported from an incident. */
        public boolean policeAttended() {
            return fromIncident || "POLICE".equals(disposition) || "JOINT".equals(disposition);
        }
    }

    /**
     * A 12345 ticket of the same caller.
     *
     * @param callNumber          the 110 call it came from; null when the caller reached 12345 directly
     * @param reopenedCount       times reopened; 12345 reopens only after an unsatisfied call-back
     * @param handedToPolice      12345 found a police matter in it and handed it to 110
     */
    public record EarlierTicket(String ticketNumber, String callNumber, Instant createdAt, String status,
                                String categoryCode, String districtCode, int reopenedCount, boolean handedToPolice) {
    }
}
