package org.linkage.bridge.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.bridge.domain.CaseCodes;
import org.linkage.bridge.domain.Open311Mapping;
import org.linkage.bridge.repository.Open311Request;
import org.linkage.bridge.repository.Open311Update;
import org.linkage.events.TicketDispatched;
import org.linkage.events.TicketStatusChanged;

import java.time.Clock;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Keeps {@link Open311Request} rows in step with the router's ticket events. */
@ApplicationScoped
public class TicketReadModel {
    private final Clock clock;

    public TicketReadModel(Clock clock) {
        this.clock = clock;
    }

    /**
     * One statement, not find-then-insert: the dispatch event and our own Open311 filing may write the same
     * row at the same moment, and the loser of a find-then-insert would fail on the key (issue 10, item 2).
     * The dispatch sets what it knows and leaves the channel (who filed it) alone. No flush first: the consumer's
     * other writes (inbox, delivery, outbox) are statements already, so there is nothing to flush (issue 14).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dispatched(TicketDispatched t, Instant at) {
        EntityManager em = Open311Request.getEntityManager();
        em.createNativeQuery("""
                        insert into open311_request (ticket_id, service_request_id, status, ticket_status, service_code,
                            description, agency_responsible, address, district_code, lat, lon, requested_at, updated_at,
                            expected_at, retrieval_hash, department_name_zh, department_name_en)
                        values (?1, ?2, 'open', 'DISPATCHED', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
                        on conflict (ticket_id) do update set service_request_id = excluded.service_request_id,
                            service_code = excluded.service_code, description = excluded.description,
                            agency_responsible = excluded.agency_responsible, address = excluded.address,
                            district_code = excluded.district_code, lat = excluded.lat, lon = excluded.lon,
                            updated_at = excluded.updated_at, expected_at = excluded.expected_at,
                            retrieval_hash = coalesce(excluded.retrieval_hash, open311_request.retrieval_hash),
                            department_name_zh = excluded.department_name_zh,
                            department_name_en = excluded.department_name_en""")
                .setParameter(1, t.ticketId())
                .setParameter(2, t.ticketNumber())
                .setParameter(3, t.categoryCode())
                .setParameter(4, t.content())
                .setParameter(5, t.department() == null ? null : t.department().nameZh() + " " + t.department().nameEn())
                .setParameter(6, t.address())
                .setParameter(7, t.districtCode())
                .setParameter(8, t.latitude())
                .setParameter(9, t.longitude())
                .setParameter(10, timestamp(t.dispatchedAt() == null ? at : t.dispatchedAt()))
                .setParameter(11, timestamp(at))
                .setParameter(12, timestamp(t.resolveBy()))
                // the clear code is hashed here and dropped: the bridge never stores it
                .setParameter(13, t.retrievalCode() == null ? null : CaseCodes.hash(t.ticketNumber(), t.retrievalCode()))
                .setParameter(14, t.department() == null ? null : t.department().nameZh())
                .setParameter(15, t.department() == null ? null : t.department().nameEn())
                .executeUpdate();
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
            r.departmentNameZh = e.departmentName();
        }
        if (e.answer() != null && !e.answer().isBlank()) {
            r.answer = e.answer();
        }
        r.updatedAt = e.at() == null ? clock.instant() : e.at();
        Open311Update update = new Open311Update();
        update.ticketId = r.ticketId;
        update.serviceRequestId = r.serviceRequestId;
        update.status = r.status;
        update.description = notes != null ? r.statusNotes : "Status: " + e.status();
        update.updatedAt = r.updatedAt;
        update.ticketStatus = e.status();
        update.publicNote = e.note() == null || e.note().isBlank() ? null
                : e.note().length() > 4000 ? e.note().substring(0, 3999) + "…" : e.note();
        update.persist();
    }

    /**
     * A request filed through our own Open311 server, visible at once (before its events arrive). If the
     * dispatch event made the row first (or makes it at this moment) the row keeps what the event wrote and
     * gains the channel: that is what lets the filing client (and only it) read the request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Open311Request filed(UUID ticketId, String ticketNumber, String ticketStatus, String serviceCode,
                                String description, String address, Double lat, Double lon, String channel, Instant at) {
        return filed(ticketId, ticketNumber, ticketStatus, serviceCode, description, address, lat, lon, channel, at, null);
    }

    /** @param mediaUrl the client's photo link, already checked ({@code MediaLink}); kept as a link, never fetched */
    @Transactional(Transactional.TxType.MANDATORY)
    public Open311Request filed(UUID ticketId, String ticketNumber, String ticketStatus, String serviceCode,
                                String description, String address, Double lat, Double lon, String channel, Instant at,
                                String mediaUrl) {
        EntityManager em = Open311Request.getEntityManager();
        em.flush();
        String status = ticketStatus == null ? "PENDING_DISPATCH" : ticketStatus;
        em.createNativeQuery("""
                        insert into open311_request (ticket_id, service_request_id, status, ticket_status, service_code,
                            description, address, lat, lon, channel, requested_at, updated_at, media_url)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12)
                        on conflict (ticket_id) do update set channel = excluded.channel, media_url = excluded.media_url""")
                .setParameter(1, ticketId)
                .setParameter(2, ticketNumber)
                .setParameter(3, Open311Mapping.status(status))
                .setParameter(4, status)
                .setParameter(5, serviceCode)
                .setParameter(6, description)
                .setParameter(7, address)
                .setParameter(8, lat)
                .setParameter(9, lon)
                .setParameter(10, channel)
                .setParameter(11, timestamp(at))
                .setParameter(12, mediaUrl)
                .executeUpdate();
        return reload(em, ticketId);
    }

    /** The row was written by SQL: a copy already in the persistence context would be stale. */
    private static Open311Request reload(EntityManager em, UUID ticketId) {
        Open311Request r = em.find(Open311Request.class, ticketId);
        if (r != null) {
            em.refresh(r);
        }
        return r;
    }

    private static OffsetDateTime timestamp(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
