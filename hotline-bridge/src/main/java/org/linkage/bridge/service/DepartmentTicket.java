package org.linkage.bridge.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.linkage.events.DepartmentRef;
import org.linkage.events.TicketDispatched;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The ticket as a department system receives it (docs/webhook-signing.md documents every field).
 * Deliberately separate from the internal event, so the event can change without breaking receivers.
 */
public record DepartmentTicket(
        String schema,
        UUID ticketId,
        String ticketNumber,
        int version,
        String categoryCode,
        String urgency,
        String content,
        String address,
        String districtCode,
        Double latitude,
        Double longitude,
        String callerName,
        String callerPhone,
        Unit department,
        List<Unit> supportingDepartments,
        Instant signBy,
        Instant resolveBy,
        Instant dispatchedAt,
        boolean confidential,
        String contactNotice,
        // the answers to the category's questions (分类必填项), keyed by question code; empty when none
        java.util.Map<String, String> attributes,
        // as stored: empty when the ticket had no file at dispatch, else absent (the sender asks the router for the
        // links at each attempt and puts them here); see noFilesToAsk
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Object> attachments) {

    public static final String SCHEMA = "linkage.ticket.v1";
    /** In place of the contact on a confidential ticket (保密). */
    public static final String CONFIDENTIAL_NOTICE = "保密件，由12345回访";

    public record Unit(String code, String nameZh, String nameEn) {
        static Unit of(DepartmentRef ref) {
            return ref == null ? null : new Unit(ref.code(), ref.nameZh(), ref.nameEn());
        }
    }

    /**
     * The router already leaves the contact off a confidential ticket; the bridge drops it again all the same, so a
     * router bug or an old event can never put the caller's name or number into a department's system.
     */
    public static DepartmentTicket of(TicketDispatched t) {
        List<Unit> supporting = t.supportingDepartments() == null ? List.of()
                : t.supportingDepartments().stream().map(Unit::of).toList();
        boolean confidential = Boolean.TRUE.equals(t.confidential());
        return new DepartmentTicket(SCHEMA, t.ticketId(), t.ticketNumber(), t.version(), t.categoryCode(), t.urgency(),
                t.content(), t.address(), t.districtCode(), t.latitude(), t.longitude(),
                confidential ? null : t.callerName(), confidential ? null : t.callerPhone(), Unit.of(t.department()),
                supporting, t.signBy(), t.resolveBy(), t.dispatchedAt(), confidential,
                confidential ? CONFIDENTIAL_NOTICE : null,
                t.attributes() == null ? java.util.Map.of() : t.attributes(),
                Integer.valueOf(0).equals(t.attachmentCount()) ? List.of() : null);
    }

    /**
     * True when a stored payload needs no attachment links from the router: the first attempt of a ticket that had no
     * file when it was dispatched, milliseconds earlier. The router said so on the event, so asking again (a request
     * and a token check per delivery, issue 14) would only hear the same. A retry asks, as does a ticket with files
     * or from an event that did not say: a file added since, or links that must be fresh, are then sent.
     */
    public boolean noFilesToAsk(int attemptsMade) {
        return attemptsMade == 0 && attachments != null && attachments.isEmpty();
    }

    /** {@link #noFilesToAsk(int)} of a stored payload read as a tree (the webhook sends it on as it is). */
    public static boolean noFilesToAsk(JsonNode payload, int attemptsMade) {
        JsonNode stored = payload == null ? null : payload.get("attachments");
        return attemptsMade == 0 && stored != null && stored.isArray() && stored.isEmpty();
    }
}
