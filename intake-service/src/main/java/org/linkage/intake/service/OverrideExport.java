package org.linkage.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.intake.repository.CallRepository;
import jakarta.transaction.Transactional;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.intake.repository.CallEntity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Calls whose classification a call-taker overrode, for review as new training data of the classifier
 * (docs/classifier.md, "Overrides as training data"): the text, what was suggested, what was chosen and why. No phone,
 * name or address: those columns are not read, a run of 7 or more digits in the text is masked, and the caller's name
 * where the text repeats it. Every export is recorded in the audit trail.
 */
@ApplicationScoped
public class OverrideExport {
    public static final String ENTITY = "override-export";
    public static final String EXPORTED = "OVERRIDES_EXPORTED";
    public static final int MAX_ROWS = 10_000;
    private static final Pattern LONG_NUMBER = Pattern.compile("\\d[\\d\\s-]{5,}\\d");

    public record Row(String text, String suggestedDisposition, String suggestedCategory, String chosenDisposition,
                      String chosenCategory, String reason, Instant decidedAt) {
    }

    private final CallRepository calls;
    private final AuditTrail audit;

    public OverrideExport(CallRepository calls, AuditTrail audit) {
        this.calls = calls;
        this.audit = audit;
    }

    @Transactional
    public List<Row> overridden(Instant from, Instant to, int limit) {
        List<Row> rows = calls.overridden(from, to, Math.max(1, Math.min(limit, MAX_ROWS))).stream()
                .map(OverrideExport::row).toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", from == null ? null : from.toString());
        details.put("to", to == null ? null : to.toString());
        details.put("rows", rows.size());
        audit.record(ENTITY, "overrides", EXPORTED, null, details, "intake");
        return rows;
    }

    static Row row(CallEntity c) {
        String text = c.title == null || c.title.isBlank() ? c.content : c.title + "\n" + c.content;
        return new Row(scrub(text, c.callerName), String.valueOf(c.suggestedDisposition), c.suggestedCategory,
                String.valueOf(c.disposition), c.categoryCode, c.overrideReason, c.decidedAt);
    }

    /**
     * As CSV that the evaluation command and the trainers read directly: a provenance comment, then
     * {@code text,label,category,suggested,suggested_category,reason,decided_at}; {@code label} is the call-taker's
     * disposition. RFC 4180 quoting; a cell that a spreadsheet would run as a formula starts with an apostrophe.
     */
    public static String csv(List<Row> rows, Instant from, Instant to) {
        StringBuilder out = new StringBuilder();
        out.append("# Overridden calls exported from intake (").append(from == null ? "start" : from).append(" to ")
                .append(to == null ? "now" : to).append(", ").append(rows.size())
                .append(" rows); label = the call-taker's choice. Review before adding to training data.\n");
        out.append("text,label,category,suggested,suggested_category,reason,decided_at\n");
        for (Row r : rows) {
            out.append(cell(r.text())).append(',').append(cell(r.chosenDisposition())).append(',')
                    .append(cell(r.chosenCategory())).append(',').append(cell(r.suggestedDisposition())).append(',')
                    .append(cell(r.suggestedCategory())).append(',').append(cell(r.reason())).append(',')
                    .append(r.decidedAt() == null ? "" : r.decidedAt().toString()).append('\n');
        }
        return out.toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** The text without phone numbers (any run of 7+ digits) or the caller's own name. */
    static String scrub(String text, String callerName) {
        if (text == null) {
            return "";
        }
        String out = LONG_NUMBER.matcher(text).replaceAll("[号码]");
        if (callerName != null && callerName.strip().length() >= 2) {
            out = out.replace(callerName.strip(), "[姓名]");
        }
        return out;
    }
}
