package org.linkage.router.domain;

import java.time.YearMonth;
import java.util.Optional;

/**
 * When a month's ranking may be published (月度考核排名通报). Only a month that is over, since a report of a month still
 * running would be out of date the day it is published; once only, unless a new version says why it replaces the old
 * one, so that what was announced can always be traced.
 */
public final class ReportPublication {
    public enum Refusal {
        /** The month has not ended in the router's zone. */
        MONTH_NOT_OVER,
        /** The month is published already and no reason for a new version was given. */
        REASON_REQUIRED
    }

    private ReportPublication() {
    }

    /**
     * @param current       the month it is now in the router's zone
     * @param latestVersion the month's newest published version, or null when it was never published
     */
    public static Optional<Refusal> refusal(YearMonth month, YearMonth current, Integer latestVersion, String reason) {
        if (!month.isBefore(current)) {
            return Optional.of(Refusal.MONTH_NOT_OVER);
        }
        if (latestVersion != null && (reason == null || reason.isBlank())) {
            return Optional.of(Refusal.REASON_REQUIRED);
        }
        return Optional.empty();
    }

    public static int nextVersion(Integer latestVersion) {
        return latestVersion == null ? 1 : latestVersion + 1;
    }
}
