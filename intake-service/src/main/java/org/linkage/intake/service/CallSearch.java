package org.linkage.intake.service;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.commons.security.Actor;
import org.linkage.intake.repository.CallEntity;
import org.linkage.intake.repository.CallRepository;

import java.util.ArrayList;
import java.util.List;

/** The call list: call-takers and officers search the calls they took; supervisors and admins all calls. */
@ApplicationScoped
public class CallSearch {
    private final CallRepository calls;

    public CallSearch(CallRepository calls) {
        this.calls = calls;
    }

    public Page<CallEntity> search(CallQuery q, Actor actor) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!CallAccess.seesAll(actor)) {
            where.add("takenBy = :actor");
            params.and("actor", actor.name());
        }
        if (q.from() != null) {
            where.add("receivedAt >= :from");
            params.and("from", q.from());
        }
        if (q.to() != null) {
            where.add("receivedAt < :to");
            params.and("to", q.to());
        }
        if (q.disposition() != null) {
            where.add("coalesce(disposition, suggestedDisposition) = :disposition");
            params.and("disposition", q.disposition());
        }
        if (q.decision() != null) {
            where.add("decision = :decision");
            params.and("decision", q.decision());
        }
        if (q.categoryCode() != null) {
            where.add("coalesce(categoryCode, suggestedCategory) = :category");
            params.and("category", q.categoryCode());
        }
        if (q.districtCode() != null) {
            where.add("districtCode = :district");
            params.and("district", q.districtCode());
        }
        if (q.retrievalCode() != null) {
            where.add("retrievalCode = :code");
            params.and("code", q.retrievalCode().toUpperCase());
        }
        if (q.text() != null) {
            // Substring search, since Chinese has no word boundaries to index on; ilike on the bare columns is
            // what the trigram indexes of V2 serve (a lower(...) here would no longer match them).
            where.add("(content ilike :text escape '\\' or address ilike :text escape '\\'"
                    + " or title ilike :text escape '\\' or callNumber ilike :text escape '\\'"
                    + " or incidentNumber ilike :text escape '\\')");
            params.and("text", "%" + escapeLike(q.text()) + "%");
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        var found = calls.find(query, Sort.descending("receivedAt").and("callNumber", Sort.Direction.Descending), params);
        long total = found.count();
        List<CallEntity> items = found.page(io.quarkus.panache.common.Page.of(q.page(), q.size())).list();
        return new Page<>(items, q.page(), q.size(), total);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
