package org.linkage.bridge.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.query.NativeQuery;
import org.linkage.bridge.domain.Adapter;
import org.linkage.bridge.domain.DeliveryKind;
import org.linkage.bridge.domain.DeliveryStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /** A leased row, read as the worker sends it, with its endpoint's circuit as it stood at the claim. */
    public record Claim(UUID id, Delivery delivery, String unreadable, Instant circuitOpenUntil) {
    }

    /**
     * Leases up to {@code limit} due deliveries to the caller and reads them, in one statement. SKIP LOCKED lets
     * several workers (or instances) claim disjoint rows without waiting; an expired lease is claimable again, which
     * is how a delivery whose worker died is picked up. A row with a newer version of its ticket is never claimed: the
     * re-dispatch supersedes it even if it was written before the supersession was. An attachment notice is never
     * claimed while the unit's own ticket delivery is still being tried (the unit hears of the ticket before its
     * files), nor once the ticket has gone to another unit; versions to the same unit leave it alone. Each row comes with the time its
     * endpoint's circuit stays open (null when closed), so the batch reads the circuits once, not once a row.
     *
     * <p>Rows are mapped here rather than by Hibernate, one by one: a row that cannot be read (an adapter or status
     * this version does not know) comes back as {@link Claim#unreadable} instead of failing the whole batch.
     */
    @SuppressWarnings("unchecked")
    public List<Claim> claimDue(Instant now, Instant leaseUntil, UUID token, int limit) {
        NativeQuery<Object[]> query = getEntityManager().createNativeQuery("""
                        with due as (
                            select id from delivery d
                            where status in ('PENDING', 'FAILED_RETRYING') and next_attempt_at <= ?1
                              and (claimed_until is null or claimed_until < ?1)
                              and case when d.kind = 'TICKET'
                                  then not exists (select 1 from delivery n
                                                   where n.ticket_id = d.ticket_id and n.kind = 'TICKET'
                                                     and n.ticket_version > d.ticket_version)
                                  else not exists (select 1 from delivery n
                                                   where n.ticket_id = d.ticket_id and n.kind = 'TICKET'
                                                     and (n.department_code <> d.department_code
                                                              and n.ticket_version > d.ticket_version
                                                          or n.department_code = d.department_code
                                                              and n.status in ('PENDING', 'FAILED_RETRYING')))
                                  end
                            order by next_attempt_at
                            limit ?2
                            for update skip locked)
                        update delivery d set claimed_until = ?3, claim_token = ?4 from due where d.id = due.id
                        returning d.id, d.ticket_id, d.ticket_number, d.ticket_version, d.department_code, d.adapter,
                            d.endpoint_url, d.category_code, d.payload, d.status, d.attempts, d.attempts_made,
                            d.last_response_code, d.last_latency_ms, d.last_error, d.external_ref, d.next_attempt_at,
                            d.idempotency_key, d.created_at, d.updated_at, d.delivered_at, d.traceparent, d.tracestate,
                            (select c.open_until from endpoint_circuit c
                             where c.endpoint_url = d.endpoint_url and c.open_until > ?1) as circuit_open_until,
                            d.kind, d.attachment_id""")
                .unwrap(NativeQuery.class);
        query.addScalar("id", UUID.class).addScalar("ticket_id", UUID.class).addScalar("ticket_number", String.class)
                .addScalar("ticket_version", Integer.class).addScalar("department_code", String.class)
                .addScalar("adapter", String.class).addScalar("endpoint_url", String.class)
                .addScalar("category_code", String.class).addScalar("payload", String.class)
                .addScalar("status", String.class).addScalar("attempts", Integer.class)
                .addScalar("attempts_made", Integer.class).addScalar("last_response_code", Integer.class)
                .addScalar("last_latency_ms", Long.class).addScalar("last_error", String.class)
                .addScalar("external_ref", String.class).addScalar("next_attempt_at", Instant.class)
                .addScalar("idempotency_key", String.class).addScalar("created_at", Instant.class)
                .addScalar("updated_at", Instant.class).addScalar("delivered_at", Instant.class)
                .addScalar("traceparent", String.class).addScalar("tracestate", String.class)
                .addScalar("circuit_open_until", Instant.class).addScalar("kind", String.class)
                .addScalar("attachment_id", UUID.class);
        List<Object[]> rows = query.setParameter(1, now).setParameter(2, limit).setParameter(3, leaseUntil)
                .setParameter(4, token).getResultList();
        List<Claim> claims = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            try {
                claims.add(new Claim(id, delivery(row, leaseUntil, token), null, (Instant) row[23]));
            } catch (RuntimeException e) {
                claims.add(new Claim(id, null, e.getClass().getSimpleName() + ": " + e.getMessage(), null));
            }
        }
        return claims;
    }

    private static Delivery delivery(Object[] row, Instant leaseUntil, UUID token) {
        Delivery d = new Delivery();
        d.id = (UUID) row[0];
        d.ticketId = (UUID) row[1];
        d.ticketNumber = (String) row[2];
        d.ticketVersion = (Integer) row[3];
        d.departmentCode = (String) row[4];
        // strict, as the entity mapping is: an adapter this version does not know must not be sent as another one
        d.adapter = Adapter.valueOf((String) row[5]);
        d.endpointUrl = (String) row[6];
        d.categoryCode = (String) row[7];
        d.payload = (String) row[8];
        d.status = DeliveryStatus.valueOf((String) row[9]);
        d.attempts = (Integer) row[10];
        d.attemptsMade = (Integer) row[11];
        d.lastResponseCode = (Integer) row[12];
        d.lastLatencyMs = (Long) row[13];
        d.lastError = (String) row[14];
        d.externalRef = (String) row[15];
        d.nextAttemptAt = (Instant) row[16];
        d.idempotencyKey = (String) row[17];
        d.createdAt = (Instant) row[18];
        d.updatedAt = (Instant) row[19];
        d.deliveredAt = (Instant) row[20];
        d.traceparent = (String) row[21];
        d.tracestate = (String) row[22];
        d.kind = DeliveryKind.valueOf((String) row[24]);
        d.attachmentId = (UUID) row[25];
        d.claimedUntil = leaseUntil;
        d.claimToken = token;
        return d;
    }

    /** What {@link #insertUnlessKnown} did: nothing (a known key), or a row, and how many earlier ones it stopped. */
    public record Inserted(boolean inserted, boolean supersededByNewer, int stoppedEarlier) {
    }

    /**
     * Records {@code d} unless its idempotency key is known, in one statement: the unique key decides (so two
     * consumers racing on the same version cannot both insert), the row becomes {@code SUPERSEDED} instead of
     * {@code d.status} when a newer version of the ticket is already known (events out of order), and the ticket's
     * undelivered earlier versions are stopped, as are its undelivered attachment notices to another unit (the
     * ticket, with its files, has left that unit). Nothing is written for a known key.
     */
    @SuppressWarnings("unchecked")
    public Inserted insertUnlessKnown(Delivery d, String supersededError, String stoppedError,
                                      List<DeliveryStatus> stoppable) {
        NativeQuery<Object[]> query = getEntityManager().createNativeQuery("""
                        with newer as (
                            select exists (select 1 from delivery
                                           where ticket_id = ?2 and kind = 'TICKET' and ticket_version > ?4) as known),
                        inserted as (
                            insert into delivery (id, ticket_id, ticket_number, ticket_version, department_code, adapter,
                                endpoint_url, category_code, payload, status, attempts, attempts_made, last_error,
                                next_attempt_at, delivered_at, idempotency_key, traceparent, tracestate, created_at,
                                updated_at)
                            select ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,
                                case when newer.known then 'SUPERSEDED' else cast(?10 as varchar) end, 0, 0,
                                case when newer.known then cast(?11 as varchar) else cast(?12 as varchar) end,
                                case when newer.known then null else cast(?13 as timestamptz) end,
                                case when newer.known then null else cast(?14 as timestamptz) end,
                                ?15, cast(?16 as varchar), cast(?17 as varchar), cast(?18 as timestamptz),
                                cast(?18 as timestamptz)
                            from newer
                            on conflict (idempotency_key) do nothing
                            returning status),
                        stopped as (
                            update delivery set status = 'SUPERSEDED', next_attempt_at = null, claim_token = null,
                                claimed_until = null, updated_at = ?18, last_error = ?19
                            where ticket_id = ?2 and status in (?20) and ticket_version < ?4
                              and (kind = 'TICKET' or department_code <> ?5)
                              and exists (select 1 from inserted)
                            returning 1)
                        select (select status from inserted) as status, (select count(*) from stopped) as stopped""")
                .unwrap(NativeQuery.class);
        query.addScalar("status", String.class).addScalar("stopped", Long.class);
        query.setParameter(1, d.id, UUID.class).setParameter(2, d.ticketId, UUID.class)
                .setParameter(3, d.ticketNumber, String.class).setParameter(4, d.ticketVersion, Integer.class)
                .setParameter(5, d.departmentCode, String.class).setParameter(6, d.adapter.name(), String.class)
                .setParameter(7, d.endpointUrl, String.class).setParameter(8, d.categoryCode, String.class)
                .setParameter(9, d.payload, String.class).setParameter(10, d.status.name(), String.class)
                .setParameter(11, supersededError, String.class).setParameter(12, d.lastError, String.class)
                .setParameter(13, d.nextAttemptAt, Instant.class).setParameter(14, d.deliveredAt, Instant.class)
                .setParameter(15, d.idempotencyKey, String.class).setParameter(16, d.traceparent, String.class)
                .setParameter(17, d.tracestate, String.class).setParameter(18, d.createdAt, Instant.class)
                .setParameter(19, stoppedError, String.class)
                .setParameterList(20, stoppable.stream().map(Enum::name).toList(), String.class);
        Object[] row = query.getSingleResult();
        String status = (String) row[0];
        return new Inserted(status != null, DeliveryStatus.SUPERSEDED.name().equals(status)
                && d.status != DeliveryStatus.SUPERSEDED, ((Long) row[1]).intValue());
    }

    /** Where a ticket's newest version went: the unit and its system, as the bridge received them. */
    public record Holder(int ticketVersion, String departmentCode, String adapter, String endpointUrl,
                         String categoryCode) {
    }

    /** The ticket's newest version known to the bridge, whoever it went to; empty when no dispatch reached it. */
    @SuppressWarnings("unchecked")
    public Optional<Holder> holderOf(UUID ticketId) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select ticket_version, department_code, adapter, endpoint_url, category_code from delivery
                        where ticket_id = ?1 and kind = 'TICKET' order by ticket_version desc, created_at desc limit 1""")
                .setParameter(1, ticketId).getResultList();
        return rows.stream().findFirst().map(r -> new Holder(((Number) r[0]).intValue(), (String) r[1], (String) r[2],
                (String) r[3], (String) r[4]));
    }

    /**
     * Records an attachment notice unless its key is known, in one statement (the unique key decides, so a redelivered
     * event or a racing consumer writes nothing). Versions of the ticket are not looked at: a notice supersedes none.
     *
     * @return whether it was written
     */
    @SuppressWarnings("unchecked")
    public boolean insertNoticeUnlessKnown(Delivery d) {
        NativeQuery<Object> query = getEntityManager().createNativeQuery("""
                        insert into delivery (id, ticket_id, ticket_number, ticket_version, department_code, adapter,
                            endpoint_url, category_code, payload, status, attempts, attempts_made, last_error,
                            next_attempt_at, delivered_at, idempotency_key, traceparent, tracestate, created_at,
                            updated_at, kind, attachment_id)
                        values (?1, ?2, ?3, ?4, ?5, ?6, cast(?7 as varchar), cast(?8 as varchar), ?9, ?10, 0, 0,
                            cast(?11 as varchar), cast(?12 as timestamptz), cast(?13 as timestamptz), ?14,
                            cast(?15 as varchar), cast(?16 as varchar), ?17, ?17, ?18, cast(?19 as uuid))
                        on conflict (idempotency_key) do nothing""")
                .unwrap(NativeQuery.class);
        query.setParameter(1, d.id, UUID.class).setParameter(2, d.ticketId, UUID.class)
                .setParameter(3, d.ticketNumber, String.class).setParameter(4, d.ticketVersion, Integer.class)
                .setParameter(5, d.departmentCode, String.class).setParameter(6, d.adapter.name(), String.class)
                .setParameter(7, d.endpointUrl, String.class).setParameter(8, d.categoryCode, String.class)
                .setParameter(9, d.payload, String.class).setParameter(10, d.status.name(), String.class)
                .setParameter(11, d.lastError, String.class).setParameter(12, d.nextAttemptAt, Instant.class)
                .setParameter(13, d.deliveredAt, Instant.class).setParameter(14, d.idempotencyKey, String.class)
                .setParameter(15, d.traceparent, String.class).setParameter(16, d.tracestate, String.class)
                .setParameter(17, d.createdAt, Instant.class).setParameter(18, d.kind.name(), String.class)
                .setParameter(19, d.attachmentId, UUID.class);
        return query.executeUpdate() == 1;
    }

    /** What the endpoint's circuit learns from an attempt. */
    public enum CircuitEffect { NONE, CLOSE, FAILURE }

    /**
     * Records an attempt under a claim, in one statement: the delivery's new state ({@code next}: status, attempts,
     * last response, next attempt) if the claim still holds, the attempt row numbered from the delivery's own count,
     * and the endpoint's circuit, which counts every attempt's result, a late one too.
     *
     * @return the attempt's number, or null when the claim was lost (nothing but the circuit was written: record the
     *         attempt with {@link #recordLateAttempt}); and when the circuit is open from now, until when
     */
    @SuppressWarnings("unchecked")
    public Recorded recordAttempt(Delivery next, UUID claimToken, DeliveryAttempt attempt, Instant now,
                                  CircuitEffect circuit, int threshold, Instant openUntil) {
        String circuitSql = switch (circuit) {
            case NONE -> "";
            case CLOSE -> """
                    , circuit as (
                        update endpoint_circuit set consecutive_failures = 0, open_until = null, updated_at = ?15
                        where endpoint_url = ?16 and (consecutive_failures <> 0 or open_until is not null)
                        returning open_until)""";
            case FAILURE -> """
                    , circuit as (""" + CircuitRepository.FAILURE.formatted("?16", "?15", "?17", "?18") + """
                        returning open_until)""";
        };
        NativeQuery<Object[]> query = getEntityManager().createNativeQuery("""
                        with owned as (
                            update delivery set status = ?3, attempts = ?4, attempts_made = attempts_made + 1,
                                last_response_code = cast(?5 as integer), last_latency_ms = ?6,
                                last_error = cast(?7 as varchar), external_ref = cast(?8 as varchar),
                                delivered_at = cast(?9 as timestamptz), next_attempt_at = cast(?10 as timestamptz),
                                claim_token = null, claimed_until = null, updated_at = ?15
                            where id = ?1 and claim_token = ?2 and status in ('PENDING', 'FAILED_RETRYING')
                            returning id, attempts_made),
                        attempt as (
                            insert into delivery_attempt (delivery_id, attempt_no, started_at, latency_ms, response_code,
                                outcome, error, external_ref)
                            select id, attempts_made, cast(?11 as timestamptz), cast(?6 as bigint),
                                cast(?5 as integer), ?12, cast(?13 as varchar), cast(?14 as varchar)
                            from owned
                            returning attempt_no)
                        """ + circuitSql + """
                         select (select attempt_no from attempt) as attempt_no, """
                        + (circuit == CircuitEffect.NONE ? "cast(null as timestamptz)"
                        : "(select open_until from circuit where open_until > ?15)") + " as open_until")
                .unwrap(NativeQuery.class);
        query.addScalar("attempt_no", Integer.class).addScalar("open_until", Instant.class);
        query.setParameter(1, next.id, UUID.class).setParameter(2, claimToken, UUID.class)
                .setParameter(3, next.status.name(), String.class).setParameter(4, next.attempts, Integer.class)
                .setParameter(5, next.lastResponseCode, Integer.class).setParameter(6, next.lastLatencyMs, Long.class)
                .setParameter(7, next.lastError, String.class).setParameter(8, next.externalRef, String.class)
                .setParameter(9, next.deliveredAt, Instant.class).setParameter(10, next.nextAttemptAt, Instant.class)
                .setParameter(11, attempt.startedAt, Instant.class).setParameter(12, attempt.outcome, String.class)
                .setParameter(13, attempt.error, String.class).setParameter(14, attempt.externalRef, String.class)
                .setParameter(15, now, Instant.class);
        if (circuit != CircuitEffect.NONE) {
            query.setParameter(16, next.endpointUrl, String.class);
        }
        if (circuit == CircuitEffect.FAILURE) {
            query.setParameter(17, threshold, Integer.class).setParameter(18, openUntil, Instant.class);
        }
        Object[] row = query.getSingleResult();
        return new Recorded((Integer) row[0], (Instant) row[1]);
    }

    public record Recorded(Integer attemptNo, Instant circuitOpenUntil) {
    }

    /** Records the attempt of a worker whose claim was lost, numbered as every other; the delivery is left alone. */
    public int recordLateAttempt(DeliveryAttempt attempt) {
        Object no = getEntityManager().createNativeQuery("""
                        with late as (
                            update delivery set attempts_made = attempts_made + 1 where id = ?1
                            returning id, attempts_made)
                        insert into delivery_attempt (delivery_id, attempt_no, started_at, latency_ms, response_code,
                            outcome, error, external_ref)
                        select id, attempts_made, cast(?2 as timestamptz), cast(?3 as bigint), cast(?4 as integer),
                            ?5, cast(?6 as varchar), cast(?7 as varchar)
                        from late
                        returning attempt_no""")
                .setParameter(1, attempt.deliveryId).setParameter(2, attempt.startedAt)
                .setParameter(3, attempt.latencyMs).setParameter(4, attempt.responseCode)
                .setParameter(5, attempt.outcome).setParameter(6, attempt.error).setParameter(7, attempt.externalRef)
                .getSingleResult();
        return ((Number) no).intValue();
    }

    /**
     * Hands claimed rows whose endpoint's circuit is open back, due again when it closes: spread over a tenth of the
     * cool-down so the first trial after it goes alone. Free for the delivery's attempt budget.
     */
    public void deferUntilCircuitCloses(List<UUID> ids, UUID claimToken, Instant openUntil, long spreadMillis,
                                        Instant now) {
        getEntityManager().createNativeQuery("""
                        update delivery set next_attempt_at = cast(?1 as timestamptz)
                                + floor(random() * ?2) * interval '1 millisecond',
                            claim_token = null, claimed_until = null, updated_at = ?3
                        where id in (?4) and claim_token = ?5""")
                .setParameter(1, openUntil).setParameter(2, Math.max(1, spreadMillis)).setParameter(3, now)
                .setParameter(4, ids).setParameter(5, claimToken)
                .executeUpdate();
    }

    public List<Delivery> byStatus(DeliveryStatus status, int limit) {
        return find("status = ?1 order by updatedAt desc", status).page(0, limit).list();
    }

    public List<Delivery> recent(int limit) {
        return find("order by updatedAt desc").page(0, limit).list();
    }

    public List<DeliveryAttempt> attemptsOf(UUID deliveryId) {
        return DeliveryAttempt.list("deliveryId = ?1 order by attemptNo, id", deliveryId);
    }

    /**
     * The latest version of the ticket the department's system actually received, if any: a version still pending
     * (its system down) must not turn the department's retry of an earlier reply into a new update.
     */
    @Transactional
    public Integer latestDeliveredVersion(String ticketNumber, String departmentCode) {
        return find("ticketNumber = ?1 and departmentCode = ?2 and status = ?3 and kind = ?4 order by ticketVersion desc",
                ticketNumber, departmentCode, DeliveryStatus.DELIVERED, DeliveryKind.TICKET)
                .firstResultOptional().map(d -> d.ticketVersion).orElse(null);
    }
}
