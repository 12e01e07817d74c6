package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.router.config.RouterConfig;
import org.linkage.router.domain.TextSimilarity;
import org.linkage.router.domain.TicketStatus;
import org.linkage.router.repository.Ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Possible duplicates (重复件): same category, within the time window, at the same place (same
 * district, same address text, or within {@code nearby-metres}), with similar text. They are only
 * flagged; merging is a dispatcher's decision.
 */
@ApplicationScoped
public class DuplicateService {
    /** How many of the newest tickets of the category in the window are compared. */
    static final int MAX_COMPARED = 200;

    /** A possible duplicate of a ticket, best first. */
    public record Candidate(Near ticket, double similarity, String place) {
    }

    /** The columns of an earlier or later ticket the comparison reads: a projection, never a managed entity. */
    public record Near(UUID id, String ticketNumber, TicketStatus status, Instant createdAt, String content,
                       String address, String districtCode, Double latitude, Double longitude) {
    }

    private final RouterConfig.Duplicates config;

    public DuplicateService(RouterConfig config) {
        this.config = config.duplicates();
    }

    /** Marks {@code t} as a possible duplicate of its best earlier candidate, if any. */
    public void flag(Ticket t) {
        candidates(t).stream().filter(c -> !c.ticket().createdAt().isAfter(t.createdAt))
                .findFirst().ifPresent(best -> {
                    t.duplicateOf = best.ticket().id();
                    t.duplicateScore = best.similarity();
                });
    }

    /**
     * The newest {@value #MAX_COMPARED} tickets of the category in the window around {@code t} that are possible
     * duplicates, best first. The cut is made in SQL (the {@code ticket_duplicates} index on category and creation
     * time, read backwards), and only the compared columns are read.
     */
    public List<Candidate> candidates(Ticket t) {
        List<Object[]> near = Ticket.getEntityManager().createQuery("""
                        select t.id, t.ticketNumber, t.status, t.createdAt, t.content, t.address, t.districtCode,
                               t.latitude, t.longitude
                        from Ticket t
                        where t.categoryCode = ?1 and t.createdAt between ?2 and ?3 and t.id <> ?4
                        and t.status not in (?5, ?6) order by t.createdAt desc""", Object[].class)
                .setParameter(1, t.categoryCode)
                .setParameter(2, t.createdAt.minus(config.window()))
                .setParameter(3, t.createdAt.plus(config.window()))
                .setParameter(4, t.id)
                .setParameter(5, TicketStatus.MERGED)
                .setParameter(6, TicketStatus.TRANSFERRED_TO_POLICE)
                .setMaxResults(MAX_COMPARED)
                .getResultList();
        List<Candidate> found = new ArrayList<>();
        for (Object[] row : near) {
            Near other = new Near((UUID) row[0], (String) row[1], (TicketStatus) row[2], (Instant) row[3],
                    (String) row[4], (String) row[5], (String) row[6], (Double) row[7], (Double) row[8]);
            String place = samePlace(t, other);
            if (place == null) {
                continue;
            }
            double similarity = TextSimilarity.of(t.content, other.content());
            if (similarity >= config.minSimilarity()) {
                found.add(new Candidate(other, similarity, place));
            }
        }
        found.sort(Comparator.comparingDouble(Candidate::similarity).reversed());
        return found;
    }

    private String samePlace(Ticket a, Near b) {
        if (a.latitude != null && a.longitude != null && b.latitude() != null && b.longitude() != null
                && TextSimilarity.metresBetween(a.latitude, a.longitude, b.latitude(), b.longitude()) <= config.nearbyMetres()) {
            return "NEARBY";
        }
        if (a.address != null && Objects.equals(a.address.trim(), b.address() == null ? null : b.address().trim())) {
            return "SAME_ADDRESS";
        }
        if (a.districtCode != null && a.districtCode.equals(b.districtCode())) {
            return "SAME_DISTRICT";
        }
        return null;
    }
}
