package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.router.config.RouterConfig;
import org.linkage.router.domain.TextSimilarity;
import org.linkage.router.domain.TicketStatus;
import org.linkage.router.repository.Ticket;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Possible duplicates (重复件): same category, within the time window, at the same place (same
 * district, same address text, or within {@code nearby-metres}), with similar text. They are only
 * flagged; merging is a dispatcher's decision.
 */
@ApplicationScoped
public class DuplicateService {
    /** A possible duplicate of a ticket, best first. */
    public record Candidate(Ticket ticket, double similarity, String place) {
    }

    private final RouterConfig.Duplicates config;

    public DuplicateService(RouterConfig config) {
        this.config = config.duplicates();
    }

    /** Marks {@code t} as a possible duplicate of its best earlier candidate, if any. */
    public void flag(Ticket t) {
        candidates(t).stream().filter(c -> c.ticket().createdAt.isBefore(t.createdAt)
                        || c.ticket().createdAt.equals(t.createdAt))
                .findFirst().ifPresent(best -> {
                    t.duplicateOf = best.ticket().id;
                    t.duplicateScore = best.similarity();
                });
    }

    public List<Candidate> candidates(Ticket t) {
        List<Ticket> near = Ticket.list("""
                        categoryCode = ?1 and createdAt between ?2 and ?3 and id <> ?4
                        and status not in (?5, ?6) order by createdAt desc""",
                t.categoryCode, t.createdAt.minus(config.window()), t.createdAt.plus(config.window()), t.id,
                TicketStatus.MERGED, TicketStatus.TRANSFERRED_TO_POLICE);
        List<Candidate> found = new ArrayList<>();
        for (Ticket other : near.subList(0, Math.min(near.size(), 200))) {
            String place = samePlace(t, other);
            if (place == null) {
                continue;
            }
            double similarity = TextSimilarity.of(t.content, other.content);
            if (similarity >= config.minSimilarity()) {
                found.add(new Candidate(other, similarity, place));
            }
        }
        found.sort(Comparator.comparingDouble(Candidate::similarity).reversed());
        return found;
    }

    private String samePlace(Ticket a, Ticket b) {
        if (a.latitude != null && a.longitude != null && b.latitude != null && b.longitude != null
                && TextSimilarity.metresBetween(a.latitude, a.longitude, b.latitude, b.longitude) <= config.nearbyMetres()) {
            return "NEARBY";
        }
        if (a.address != null && Objects.equals(a.address.trim(), b.address == null ? null : b.address.trim())) {
            return "SAME_ADDRESS";
        }
        if (a.districtCode != null && a.districtCode.equals(b.districtCode)) {
            return "SAME_DISTRICT";
        }
        return null;
    }
}
