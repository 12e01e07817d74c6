package org.linkage.intake.rest;

import org.linkage.intake.classification.Category;
import org.linkage.intake.classification.Taxonomy;
import org.linkage.intake.domain.District;
import org.linkage.intake.domain.RiskWarning;
import org.linkage.intake.repository.CallEntity;
import org.linkage.intake.service.CallerHistoryService;
import org.linkage.intake.service.DistrictDirectory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A caller's history (来电历史) and risk warnings (风险预警) for one call. Nothing personal and no text: no phone,
 * name, address or what was said, since the earlier calls may have been taken by someone else, whose calls a
 * call-taker does not otherwise see. Numbers, times, categories, districts and statuses are enough to recognise a
 * matter coming back.
 *
 * @param matched false when the call has no number to match on (or predates caller hashes)
 * @param from    how far back the history reaches (the rules' longest window)
 */
public record CallerHistoryView(UUID callId, String callNumber, boolean matched, Instant from, List<EarlierCall> calls,
                                Hotline hotline, List<Warning> warnings) {

    public record EarlierCall(String callNumber, Instant receivedAt, String decision, String disposition,
                              String categoryCode, String categoryZh, String categoryEn, String districtCode,
                              String districtZh, String ticketNumber, String ticketStatus, boolean policeAttended) {
    }

    /**
     * The 12345 part.
     *
     * @param available false when the router could not be asked (down, slow or refusing): the 110 part stands alone
     */
    public record Hotline(boolean available, String message, List<Ticket> tickets) {
    }

    public record Ticket(String ticketNumber, String callNumber, Instant createdAt, String status, String categoryCode,
                         String categoryZh, String categoryEn, String districtCode, String districtZh,
                         Instant closedAt, Boolean satisfied, int reopenedCount, boolean handedToPolice) {
    }

    /** A warning and why: the rule, what it found, and the earlier calls and tickets it counted. */
    public record Warning(String ruleCode, String kind, String labelZh, String labelEn, String detail,
                          List<String> evidence) {
    }

    static CallerHistoryView of(CallerHistoryService.Result r, Taxonomy taxonomy, DistrictDirectory districts) {
        List<EarlierCall> calls = r.calls().stream().map(c -> earlier(c, taxonomy, districts)).toList();
        List<Ticket> tickets = r.tickets().stream().map(t -> new Ticket(t.ticketNumber(), t.callNumber(),
                t.createdAt(), t.status(), t.categoryCode(), zh(taxonomy, t.categoryCode()), en(taxonomy, t.categoryCode()),
                t.districtCode(), district(districts, t.districtCode()), t.closedAt(), t.satisfied(), t.reopenedCount(),
                t.handedToPolice())).toList();
        Hotline hotline = new Hotline(r.hotlineAvailable(), r.hotlineAvailable() ? null
                : "12345 来电历史暂不可用，仅显示110记录 / 12345 history is unavailable; showing 110 only", tickets);
        List<Warning> warnings = r.warnings().stream().map(CallerHistoryView::warning).toList();
        return new CallerHistoryView(r.call().id, r.call().callNumber, r.matched(), r.from(), calls, hotline, warnings);
    }

    private static EarlierCall earlier(CallEntity c, Taxonomy taxonomy, DistrictDirectory districts) {
        String category = c.categoryCode != null ? c.categoryCode : c.suggestedCategory;
        String disposition = c.disposition != null ? c.disposition.name() : c.suggestedDisposition.name();
        boolean police = c.incidentNumber != null || "POLICE".equals(disposition) || "JOINT".equals(disposition);
        return new EarlierCall(c.callNumber, c.receivedAt, c.decision.name(), disposition, category,
                zh(taxonomy, category), en(taxonomy, category), c.districtCode, district(districts, c.districtCode),
                c.ticketNumber, c.ticketStatus, police);
    }

    private static Warning warning(RiskWarning w) {
        return new Warning(w.ruleCode(), w.kind().name(), w.labelZh(), w.labelEn(), w.detail(), w.evidence());
    }

    private static String zh(Taxonomy taxonomy, String code) {
        return taxonomy.byCode(code).map(Category::nameZh).orElse(null);
    }

    private static String en(Taxonomy taxonomy, String code) {
        return taxonomy.byCode(code).map(Category::nameEn).orElse(null);
    }

    private static String district(DistrictDirectory districts, String code) {
        return code == null ? null : districts.byCode(code).map(District::nameZh).orElse(null);
    }
}
