package org.linkage.console.ui;

import java.util.List;
import java.util.Map;

/**
 * The codes forms offer, in the services' own spelling. Each service owns its codes (intake: channel,
 * disposition, urgency; router: status, supervision step); the console lists them to offer a choice and the
 * service still validates what comes back. {@code CodesTest} checks each has a label in both languages.
 */
public final class Codes {
    static final Map<String, List<String>> ALL = Map.ofEntries(
            Map.entry("channel", List.of("PHONE", "SMS", "APP", "VIDEO")),
            Map.entry("disposition", List.of("POLICE", "JOINT", "NON_POLICE", "INVALID")),
            Map.entry("urgency", List.of("NORMAL", "URGENT", "EXTRA_URGENT")),
            Map.entry("status", List.of("PENDING_DISPATCH", "DISPATCHED", "SIGNED", "IN_PROGRESS", "REPLIED", "RETURN_REVIEW",
                    "CALLED_BACK", "CLOSED", "MERGED", "TRANSFERRED_TO_POLICE", "PAUSED", "PARKED", "TERMINATED")),
            Map.entry("ground", List.of("UNLAWFUL_DEMAND", "CALLER_REFUSES_CONTACT")),
            Map.entry("clockKind", List.of("PAUSE", "PARK", "TERMINATE")),
            Map.entry("step", List.of("CHASE", "SUPERVISE", "LISTED")),
            Map.entry("level_supervision", List.of("WARNING", "CHASE", "SUPERVISE", "LISTED")),
            Map.entry("trendBy", List.of("day", "week", "month")),
            Map.entry("groupBy", List.of("department", "district", "category", "day", "week", "month")),
            Map.entry("level", List.of("MUNICIPAL", "DISTRICT", "STREET")),
            Map.entry("adapter", List.of("WEBHOOK", "OPEN311", "NONE")),
            Map.entry("leadKind", List.of("MUNICIPAL", "DISTRICT")),
            Map.entry("leadFunction", List.of("GOV", "URBAN")),
            Map.entry("adminTab", List.of("departments", "districts", "catalogue", "calendar", "questions")),
            Map.entry("articleStatus", List.of("DRAFT", "IN_REVIEW", "PUBLISHED", "REJECTED", "SUPERSEDED", "WITHDRAWN")));

    private Codes() {
    }

    public static List<String> of(String group) {
        List<String> codes = ALL.get(group);
        if (codes == null) {
            throw new IllegalArgumentException("no codes named " + group);
        }
        return codes;
    }
}
