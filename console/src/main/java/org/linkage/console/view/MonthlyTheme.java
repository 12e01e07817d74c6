package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

import java.util.List;

/** A theme of the month (每月一题): a category in a district a supervisor flagged, its figures and its tickets. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record MonthlyTheme(String id, String month, String categoryCode, String districtCode, String districtNameZh,
                           String note, String flaggedBy, String flaggedAt, Figures figures, List<ThemeTicket> tickets) {

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Figures(long tickets, long open, long overdue, long resolved, long calledBack, long satisfied,
                          Double resolutionRate, Double satisfactionRate) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ThemeTicket(String ticketNumber, String status, String leadDepartmentCode, String createdAt,
                              String resolveBy, boolean overdue, Boolean solved, Boolean satisfied) {
    }

    /** A category × district the router suggests flagging, with how many tickets it had. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Suggestion(String categoryCode, String districtCode, String source, long count, boolean flagged) {
    }
}
