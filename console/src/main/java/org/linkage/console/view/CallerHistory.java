package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * A caller's history (来电历史) and risk warnings (风险预警) for one call, as intake computes them on demand.
 *
 * @param matched false when the call has no number to match on
 */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record CallerHistory(String callId, String callNumber, boolean matched, String from, List<EarlierCall> calls,
                            Hotline hotline, List<Warning> warnings) {

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EarlierCall(String callNumber, String receivedAt, String decision, String disposition,
                              String categoryCode, String categoryZh, String categoryEn, String districtCode,
                              String districtZh, String ticketNumber, String ticketStatus, boolean policeAttended) {
    }

    /** The 12345 part; {@code available} false when the router could not be asked. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hotline(boolean available, String message, List<HotlineTicket> tickets) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HotlineTicket(String ticketNumber, String callNumber, String createdAt, String status,
                                String categoryCode, String categoryZh, String categoryEn, String districtCode,
                                String districtZh, String closedAt, Boolean satisfied, int reopenedCount,
                                boolean handedToPolice) {
    }

    /** A warning and why: the rule, what it found, and the earlier calls and tickets it counted. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Warning(String ruleCode, String kind, String labelZh, String labelEn, String detail,
                          List<String> evidence) {
    }
}
