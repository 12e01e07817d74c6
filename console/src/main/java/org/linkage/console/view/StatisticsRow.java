package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

/**
 * The router's assessment figures for one group (a unit, district, category or period), rates as fractions. The
 * components keep the router's order: the charts get them as the router wrote them.
 */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatisticsRow(String key, long received, long dispatched, long signedOnTime, long closedOnTime,
                            long overdue, long returned, long calledBack, long solved, long satisfied, long repeatCalls,
                            Double signedOnTimeRate, Double closedOnTimeRate, Double overdueRate, Double returnRate,
                            Double resolutionRate, Double satisfactionRate, Double averageReplyWorkingHours,
                            long paused, long parked, long terminated) {
}
