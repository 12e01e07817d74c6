package org.linkage.console.client;

/** What the console sends to the services: the services' own request shapes, field for field. */
public final class Requests {
    private Requests() {
    }

    /** @param attributes answers to the category's questions (分类必填项), by question code; null when none */
    public record NewCall(String channel, String callerPhone, String callerName, String address, String districtCode,
                          String title, String content, String urgency, Boolean confirm, Boolean confidential,
                          java.util.Map<String, String> attributes) {
    }

    public record Override(String disposition, String categoryCode, String reason, String urgency) {
    }

    public record HandOver(String content, String address, String districtCode, String callerPhone,
                           String callerName, String categoryCode, String urgency, Boolean confidential) {
    }

    public record Preview(String text, String title) {
    }

    public record Acceptance(String incidentNumber, String note) {
    }
}
