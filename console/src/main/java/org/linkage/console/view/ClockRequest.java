package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

/** A clock request (挂起 pause, 挂账 park, 终止办理 terminate) on a ticket, and its decision. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClockRequest(String id, String kind, String status, String ticketNumber, String ticketStatus,
                           String departmentCode, String requestedBy, String requestedAt, String reason, String until,
                           String planDate, String ground, String decidedBy, String decidedAt, String decisionNote,
                           String startedAt, String endedAt) {
}
