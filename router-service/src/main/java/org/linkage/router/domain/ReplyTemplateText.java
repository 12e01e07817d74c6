package org.linkage.router.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a reply template (答复模板) may use and how they are filled from a ticket. A template naming
 * anything else is refused when it is saved, so an agent never sends a caller "{deadlne}".
 */
public final class ReplyTemplateText {
    /** ticket number; the unit answering; the ticket's resolve-by (办结时限); today; the ticket's address. */
    public static final List<String> PLACEHOLDERS = List.of("ticketNumber", "unitName", "deadline", "today", "address");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]{1,40})}");

    private ReplyTemplateText() {
    }

    public static Set<String> unknownPlaceholders(String body) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(body);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return unknown;
    }

    /** Each known placeholder replaced by its value; one without a value (a ticket with no deadline) by "—". */
    public static String fill(String body, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = PLACEHOLDERS.contains(name) ? values.getOrDefault(name, null) : null;
            m.appendReplacement(out, Matcher.quoteReplacement(PLACEHOLDERS.contains(name)
                    ? (value == null || value.isBlank() ? "—" : value) : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The same rule as knowledge articles: administrators for any unit, department agents for their own. */
    public static boolean canEdit(Set<String> roles, String ownUnit, String templateUnit) {
        return KnowledgeWorkflow.canEdit(roles, ownUnit, templateUnit);
    }
}
