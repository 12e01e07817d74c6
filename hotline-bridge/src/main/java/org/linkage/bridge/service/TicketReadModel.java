package org.linkage.bridge.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.bridge.domain.CaseCodes;
import org.linkage.bridge.domain.Open311Mapping;
import org.linkage.bridge.repository.Open311Request;
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
    private final CaseCodes codes;

    public TicketReadModel(Clock clock, CaseCodes codes) {
        this.clock = clock;
        this.codes = codes;
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
                .setParameter(13, t.retrievalCode() == null ? null : codes.hash(t.ticketNumber(), t.retrievalCode()))
                .setParameter(14, t.department() == null ? null : t.department().nameZh())
                .setParameter(15, t.department() == null ? null : t.department().nameEn())
                .executeUpdate();
    }

    /**
     * Status changes of tickets the model does not know (not yet dispatched) are left to their dispatch.
     *
     * <p>One statement: the request's row is updated and its update row written from what the update returned,
     * instead of loading the request, dirty-checking it and inserting the update on its own (issue 14). A ticket
     * the model does not know updates no row, so no update row is written either.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(TicketStatusChanged e) {
        if (e.status() == null) {
            return;
        }
        String notes = clip(Open311Mapping.statusNotes(e.status(), e.answer(), e.note()));
        String answer = e.answer() == null || e.answer().isBlank() ? null : e.answer();
        String note = e.note() == null || e.note().isBlank() ? null : clip(e.note());
        EntityManager em = Open311Request.getEntityManager();
        em.createNativeQuery("""
                        with changed as (
                            update open311_request set ticket_status = ?1, status = ?2,
                                status_notes = coalesce(?3, status_notes), expected_at = coalesce(?4, expected_at),
                                agency_responsible = coalesce(?5, agency_responsible),
                                department_name_zh = coalesce(?5, department_name_zh),
                                answer = coalesce(?6, answer), updated_at = ?7
                            where ticket_id = ?8
                            returning ticket_id, service_request_id, status, updated_at)
                        insert into open311_update (ticket_id, service_request_id, status, description, updated_at,
                            ticket_status, public_note)
                        select ticket_id, service_request_id, status, ?9, updated_at, ?1, ?10 from changed""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter(1, e.status(), String.class)
                .setParameter(2, Open311Mapping.status(e.status()), String.class)
                .setParameter(3, notes, String.class)
                .setParameter(4, timestamp(e.resolveBy()), OffsetDateTime.class)
                .setParameter(5, e.departmentName(), String.class)
                .setParameter(6, answer, String.class)
                .setParameter(7, timestamp(e.at() == null ? clock.instant() : e.at()), OffsetDateTime.class)
                .setParameter(8, e.ticketId(), UUID.class)
                .setParameter(9, notes != null ? notes : "Status: " + e.status(), String.class)
                .setParameter(10, note, String.class)
                // it touches only the read model's tables: the session's pending inserts need not go out first
                .addSynchronizedQuerySpace("open311_request").addSynchronizedQuerySpace("open311_update")
                .executeUpdate();
    }

    /** The columns hold 4000 characters. */
    private static String clip(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
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
