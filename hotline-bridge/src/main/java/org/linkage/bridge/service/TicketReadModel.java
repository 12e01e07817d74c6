package org.linkage.bridge.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.bridge.domain.Open311Mapping;
import org.linkage.bridge.repository.Open311Request;
import org.linkage.bridge.repository.Open311Update;
import org.linkage.events.TicketDispatched;
import org.linkage.events.TicketStatusChanged;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Keeps {@link Open311Request} rows in step with the router's ticket events. */
@ApplicationScoped
public class TicketReadModel {
    private final Clock clock;

    public TicketReadModel(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void dispatched(TicketDispatched t, Instant at) {
        Open311Request r = Open311Request.findById(t.ticketId());
        if (r == null) {
            r = new Open311Request();
            r.ticketId = t.ticketId();
            r.status = "open";
            r.ticketStatus = "DISPATCHED";
            r.requestedAt = t.dispatchedAt() == null ? at : t.dispatchedAt();
        }
        r.serviceRequestId = t.ticketNumber();
        r.serviceCode = t.categoryCode();
        r.description = t.content();
        r.address = t.address();
        r.districtCode = t.districtCode();
        r.lat = t.latitude();
        r.lon = t.longitude();
        r.agencyResponsible = t.department() == null ? null : t.department().nameZh() + " " + t.department().nameEn();
        r.expectedAt = t.resolveBy();
        r.updatedAt = at;
        r.persist();
    }

    /** Status changes of tickets the model does not know (not yet dispatched) are left to their dispatch. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(TicketStatusChanged e) {
        Open311Request r = Open311Request.findById(e.ticketId());
        if (r == null || e.status() == null) {
            return;
        }
        r.ticketStatus = e.status();
        r.status = Open311Mapping.status(e.status());
        String notes = Open311Mapping.statusNotes(e.status(), e.answer(), e.note());
        if (notes != null) {
            r.statusNotes = notes.length() > 4000 ? notes.substring(0, 3999) + "…" : notes;
        }
        if (e.resolveBy() != null) {
            r.expectedAt = e.resolveBy();
        }
        if (e.departmentName() != null) {
            r.agencyResponsible = e.departmentName();
        }
        r.updatedAt = e.at() == null ? clock.instant() : e.at();
        Open311Update update = new Open311Update();
        update.ticketId = r.ticketId;
        update.serviceRequestId = r.serviceRequestId;
        update.status = r.status;
        update.description = notes != null ? r.statusNotes : "Status: " + e.status();
        update.updatedAt = r.updatedAt;
        update.persist();
    }

    /** A request filed through our own Open311 server, visible at once (before its events arrive). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Open311Request filed(UUID ticketId, String ticketNumber, String ticketStatus, String serviceCode,
                                String description, String address, Double lat, Double lon, String channel, Instant at) {
        Open311Request r = Open311Request.findById(ticketId);
        if (r != null) {
            // The dispatch event came first and made the row without knowing who filed it: the channel is
            // what lets the filing client (and only it) read the request.
            r.channel = channel;
            return r;
        }
        r = new Open311Request();
        r.ticketId = ticketId;
        r.serviceRequestId = ticketNumber;
        r.ticketStatus = ticketStatus == null ? "PENDING_DISPATCH" : ticketStatus;
        r.status = Open311Mapping.status(r.ticketStatus);
        r.serviceCode = serviceCode;
        r.description = description;
        r.address = address;
        r.lat = lat;
        r.lon = lon;
        r.channel = channel;
        r.requestedAt = at;
        r.updatedAt = at;
        r.persist();
        return r;
    }
}
