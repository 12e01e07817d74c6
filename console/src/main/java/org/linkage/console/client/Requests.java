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

    /** 三方通话 in data: the call-taker's hand-over note. */
    public record Consultation(String note) {
    }

    /** 咨询直接答复: the articles the answer came from, at the version the caller was told. */
    public record Answer(java.util.List<CitedArticle> articles, String note) {
    }

    public record CitedArticle(long id, int version, String title) {
    }

    /** The public case look-up: the ticket number and the retrieval code the caller was given. */
    public record CaseLookup(String ticketNumber, String retrievalCode) {
    }
}
