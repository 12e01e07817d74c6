package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;
import org.linkage.router.config.RouterConfig;
import org.linkage.router.domain.TextSimilarity;
import org.linkage.router.domain.TicketStatus;
import org.linkage.router.repository.Ticket;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.linkage.commons.time.SqlTimestamps.instant;

/**
 * Possible duplicates (重复件): same category, within the time window, at the same place (within
 * {@code nearby-metres}, same address text, or same district), with similar text. They are only flagged; merging is
 * a dispatcher's decision.
 * <p>
 * One statement finds them, in PostgreSQL: the {@code ticket_duplicate_text} GiST index (V14) holds category,
 * creation time and the content's trigrams together, so the database walks the category's window in order of
 * trigram similarity ({@code <->}, pg_trgm) and stops after the {@value #SHORTLIST} most similar that are at the
 * same place. Those few are then judged by the domain's own measure ({@link TextSimilarity}, character pairs, which
 * tells apart Chinese texts that differ in a few characters better than trigrams do) against {@code min-similarity}.
 * So the best match is looked for in the whole window however many tickets it holds, no ticket is loaded as an
 * entity, and a check reads the same few rows however many tickets are stored.
 */
@ApplicationScoped
public class DuplicateService {
    /** How many candidates the dispatcher's list shows, best first. */
    static final int MAX_CANDIDATES = 10;
    /**
     * How many of the window's tickets, most similar by trigrams first, the database answers with. Wide enough that
     * near-ties by trigrams (two texts differing in a few characters) are still ranked by character pairs.
     */
    static final int SHORTLIST = 50;

    /** A possible duplicate of a ticket, best first. */
    public record Candidate(Near ticket, double similarity, String place) {
    }

    /** The columns of an earlier or later ticket the comparison reads: a projection, never a managed entity. */
    public record Near(UUID id, String ticketNumber, TicketStatus status, Instant createdAt, String content,
                       String address, String districtCode, Double latitude, Double longitude) {
    }

    private final RouterConfig.Duplicates config;
    private final EntityManager em;

    public DuplicateService(RouterConfig config, EntityManager em) {
        this.config = config.duplicates();
        this.em = em;
    }

    /**
     * Marks {@code t} as a possible duplicate of its best earlier candidate, if any. Safe to call before {@code t} is
     * persisted: the query reads only other tickets and flushes nothing.
     */
    public void flag(Ticket t) {
        List<Candidate> best = find(t, t.createdAt.minus(config.window()), t.createdAt, 1);
        if (!best.isEmpty()) {
            t.duplicateOf = best.get(0).ticket().id();
            t.duplicateScore = best.get(0).similarity();
        }
    }

    /** The best {@value #MAX_CANDIDATES} possible duplicates in the window around {@code t}, earlier or later, best first. */
    public List<Candidate> candidates(Ticket t) {
        return find(t, t.createdAt.minus(config.window()), t.createdAt.plus(config.window()), MAX_CANDIDATES);
    }

    /** The plan of the statement {@link #candidates} sends for {@code t}, one line per row of EXPLAIN. */
    List<String> plan(Ticket t) {
        Query q = query("explain ", t, t.createdAt.minus(config.window()), t.createdAt.plus(config.window()));
        if (q == null) {
            return List.of();
        }
        return ((List<?>) q.getResultList()).stream().map(String::valueOf).toList();
    }

    private List<Candidate> find(Ticket t, Instant from, Instant to, int limit) {
        Query q = query("", t, from, to);
        if (q == null) {
            return List.of();
        }
        List<Candidate> found = new ArrayList<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            Near other = new Near((UUID) r[0], (String) r[1], TicketStatus.valueOf((String) r[2]), instant(r[3]),
                    (String) r[4], (String) r[5], (String) r[6], (Double) r[7], (Double) r[8]);
            double similarity = TextSimilarity.of(t.content, other.content());
            if (similarity >= config.minSimilarity()) {
                found.add(new Candidate(other, similarity, (String) r[9]));
            }
        }
        // stable: of two equally similar, the one the database found more similar by trigrams stays first
        found.sort(Comparator.comparingDouble(Candidate::similarity).reversed());
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    /** Null when {@code t} has nothing a place rule or the text could match on. */
    private Query query(String prefix, Ticket t, Instant from, Instant to) {
        if (t.content == null || t.content.isBlank()) {
            return null;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        // The place rules, strongest first, as the CASE that names the match; only the rules the new ticket can meet.
        StringBuilder place = new StringBuilder("case");
        if (t.latitude != null && t.longitude != null) {
            place.append(" when ").append("""
                     t.latitude is not null and t.longitude is not null and 2 * 6371000 * asin(least(1, sqrt(
                        power(sin(radians(t.latitude - :lat) / 2), 2)
                        + cos(radians(:lat)) * cos(radians(t.latitude)) * power(sin(radians(t.longitude - :lon) / 2), 2))))
                        <= :metres then 'NEARBY'""");
            params.put("lat", t.latitude);
            params.put("lon", t.longitude);
            params.put("metres", config.nearbyMetres());
        }
        if (t.address != null) {
            place.append(" when btrim(t.address) = :address then 'SAME_ADDRESS'");
            params.put("address", t.address.trim());
        }
        if (t.districtCode != null) {
            place.append(" when t.district_code = :district then 'SAME_DISTRICT'");
            params.put("district", t.districtCode);
        }
        if (params.isEmpty()) {
            return null;
        }
        place.append(" end");
        // The status list is written out as in the index's predicate, so the planner can use the partial index.
        Query q = em.createNativeQuery(prefix + """
                        select t.id, t.ticket_number, t.status, t.created_at, t.content, t.address, t.district_code,
                               t.latitude, t.longitude, %1$s
                        from ticket t
                        where t.category_code = :category and t.created_at between :from and :to and t.id <> :id
                          and t.status not in ('MERGED', 'TRANSFERRED_TO_POLICE')
                          and (%1$s) is not null
                        order by t.content <-> :content
                        limit :limit""".formatted(place))
                .setParameter("content", t.content)
                .setParameter("category", t.categoryCode)
                .setParameter("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .setParameter("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .setParameter("id", t.id)
                .setParameter("limit", SHORTLIST);
        params.forEach(q::setParameter);
        // Reads other tickets only: nothing of this transaction needs writing first (a flush would insert the new
        // ticket early, and update it again after every later change).
        q.setFlushMode(FlushModeType.COMMIT);
        return q;
    }

}
