package org.linkage.bridge.domain;

import java.util.Map;

/** The router's ticket statuses as a caller reads them, in Chinese and English. */
public final class CaseStatus {
    public record Label(String zh, String en) {
    }

    private static final Map<String, Label> LABELS = Map.ofEntries(
            Map.entry("PENDING_DISPATCH", new Label("已受理，待派单", "Registered, awaiting dispatch")),
            Map.entry("DISPATCHED", new Label("已派单至承办单位", "Sent to the responsible unit")),
            Map.entry("SIGNED", new Label("承办单位已签收", "Accepted by the responsible unit")),
            Map.entry("IN_PROGRESS", new Label("办理中", "In progress")),
            Map.entry("REPLIED", new Label("已答复，待回访", "Answered, call-back pending")),
            Map.entry("RETURN_REVIEW", new Label("重新派单中", "Being re-dispatched")),
            Map.entry("CALLED_BACK", new Label("已回访", "Called back")),
            Map.entry("CLOSED", new Label("已办结", "Closed")),
            Map.entry("MERGED", new Label("已并入同一事项的工单", "Merged with a ticket on the same matter")),
            Map.entry("TRANSFERRED_TO_POLICE", new Label("已移交110", "Handed to the 110 police line")),
            // The fair clocks: a caller learns their case waits on them or a third party, or on a plan date.
            Map.entry("PAUSED", new Label("暂停计时，等待来电人或第三方", "On hold, waiting for you or a third party")),
            Map.entry("PARKED", new Label("已列入计划办理", "Scheduled for a planned date")),
            Map.entry("TERMINATED", new Label("已终止办理", "Handling ended")));

    private CaseStatus() {
    }

    /** Unknown statuses (a newer router) read as in progress rather than leaking a code. */
    public static Label of(String status) {
        return LABELS.getOrDefault(status, LABELS.get("IN_PROGRESS"));
    }
}
