package org.linkage.router.service;


import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.privacy.Masking;
import org.linkage.commons.security.Actor;
import org.linkage.commons.security.Roles;
import org.linkage.router.domain.ClockRequestKind;
import org.linkage.router.domain.Confidentiality;
import org.linkage.router.domain.ExtensionStatus;
import org.linkage.router.domain.PermittedActions;
import org.linkage.router.domain.TerminatedCallBack;
import org.linkage.router.repository.Department;
import org.linkage.router.repository.DispatchRule;
import org.linkage.router.repository.ExtensionRequest;
import org.linkage.router.repository.Ticket;
import org.linkage.router.repository.TicketHistory;
import org.linkage.router.repository.TicketUnit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads of tickets, limited to what the reader may see, with the caller's phone masked as the rules say. */
@ApplicationScoped
public class TicketQueries {
    /** Filters of the ticket list; any may be null. */
    /** @param flaggedDuplicates true lists only possible duplicates not yet merged (the dispatchers' 并单 work list) */
    /**
     * @param byDeadline        oldest resolve-by first (a unit's inbox), instead of newest first
     * @param pendingExtension  only tickets with an extension request awaiting a supervisor
     * @param statuses          any of these statuses (a board of open work); ignored when empty
     */
    public record Filter(String status, String categoryCode, String districtCode, String departmentCode,
                         boolean flaggedDuplicates, boolean byDeadline, boolean pendingExtension, List<String> statuses) {
        public Filter(String status, String categoryCode, String districtCode, String departmentCode,
                      boolean flaggedDuplicates) {
            this(status, categoryCode, districtCode, departmentCode, flaggedDuplicates, false, false, List.of());
        }
    }

    private final TicketAccess access;
    private final AuditTrail audit;
    private final DuplicateService duplicates;
    private final Clock clock;
    private final TicketClocks clocks;

    public TicketQueries(TicketAccess access, AuditTrail audit, DuplicateService duplicates, Clock clock,
                         TicketClocks clocks) {
        this.clock = clock;
        this.clocks = clocks;
        this.access = access;
        this.audit = audit;
        this.duplicates = duplicates;
    }

    /**
     * One ticket with its history. Dispatchers and supervisors, and the lead unit of a ticket whose
     * rule says the unit must call the caller back, see the phone number; each such read is audited.
     * A confidential ticket's contact only 12345's own people see, each read audited as such; a unit sees none.
     */
    @Transactional
    public TicketRead detail(String ref, Actor actor) {
        Ticket t = access.read(ref, actor);
        Optional<String> unit = TicketAccess.unitOf(actor);
        Confidentiality.Contact contact = Confidentiality.contactFor(t.confidential, t.callbackRequired,
                unit.isPresent(), unit.isPresent() && unit.get().equals(t.leadDepartmentCode), true);
        if (contact == Confidentiality.Contact.FULL && (t.callerPhone != null || t.confidential && t.callerName != null)) {
            audit.record(actor, TicketRecorder.ENTITY, t.id,
                    t.confidential ? "CONFIDENTIAL_CONTACT_READ" : "PHONE_UNMASKED_READ", null,
                    Map.of("ticketNumber", t.ticketNumber));
        }
        TicketRead read = reads(List.of(t), contact, true).get(0);
        TicketClocks.State ticketClock = clocks.state(t);
        return read.with(PermittedActions.of(t.status, t.satisfied,
                new PermittedActions.Reader(
                unit.isPresent(), unit.isPresent() && unit.get().equals(t.leadDepartmentCode),
                actor.hasRole(Roles.DISPATCHER), actor.hasRole(Roles.SUPERVISOR),
                t.returnBy == null || clock.instant().isBefore(t.returnBy),
                ExtensionRequest.count("ticketId = ?1 and status = ?2", t.id, ExtensionStatus.PENDING) > 0,
                ticketClock.pending() == null ? null : ticketClock.pending().request().kind,
                clocks.pauseAvailable(t),
                TerminatedCallBack.calledBackSince(t.terminatedAt, t.calledBackAt))), ticketClock);
    }

    @Transactional
    public TicketRead.Page list(Filter filter, Actor actor, int page, int size) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        add(q, params, "status", filter.status());
        add(q, params, "categoryCode", filter.categoryCode());
        add(q, params, "districtCode", filter.districtCode());
        if (filter.departmentCode() != null) {
            q.append(" and id in (select u.ticketId from TicketUnit u where u.departmentCode = :department)");
            params.put("department", filter.departmentCode());
        }
        if (filter.flaggedDuplicates()) {
            q.append(" and duplicateOf is not null and status not in (:finals)");
            params.put("finals", List.of(org.linkage.router.domain.TicketStatus.MERGED,
                    org.linkage.router.domain.TicketStatus.CLOSED, org.linkage.router.domain.TicketStatus.TRANSFERRED_TO_POLICE,
                    org.linkage.router.domain.TicketStatus.TERMINATED));
        }
        if (filter.pendingExtension()) {
            q.append(" and id in (select x.ticketId from ExtensionRequest x where x.status = :pending)");
            params.put("pending", ExtensionStatus.PENDING);
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            q.append(" and status in (:statuses)");
            params.put("statuses", filter.statuses().stream().map(org.linkage.router.domain.TicketStatus::valueOf).toList());
        }
        Optional<String> unit = TicketAccess.unitOf(actor);
        if (unit.isPresent()) {
            q.append(" and id in (select u.ticketId from TicketUnit u where u.departmentCode = :unit)");
            params.put("unit", unit.get());
        }
        PanacheQuery<Ticket> query = Ticket.find(q.toString(), filter.byDeadline()
                        ? Sort.ascending("resolveBy").and("ticketNumber")
                        : Sort.descending("createdAt").and("ticketNumber"), params)
                .page(Page.of(page, size));
        List<TicketRead> items = reads(query.list(), null, false);
        return new TicketRead.Page(query.count(), page, size, items);
    }

    public List<ExtensionView> extensions(String ref, Actor actor) {
        Ticket t = access.read(ref, actor);
        return ExtensionRequest.<ExtensionRequest>list("ticketId = ?1 order by requestedAt", t.id).stream()
                .map(x -> new ExtensionView(x.id, x.status.name(), x.departmentCode, x.requestedBy, x.requestedAt, x.reason,
                        x.previousResolveBy, x.requestedResolveBy, x.decidedBy, x.decidedAt, x.decisionNote)).toList();
    }

    /** An extension request (延期申请) and its decision. */
    public record ExtensionView(UUID id, String status, String departmentCode, String requestedBy,
                                java.time.Instant requestedAt, String reason, java.time.Instant previousResolveBy,
                                java.time.Instant requestedResolveBy, String decidedBy, java.time.Instant decidedAt,
                                String decisionNote) {
    }

    public List<DuplicateService.Candidate> duplicates(String ref, Actor actor) {
        return duplicates.candidates(access.read(ref, actor));
    }

    private static void add(StringBuilder q, Map<String, Object> params, String field, String value) {
        if (value != null && !value.isBlank()) {
            q.append(" and ").append(field).append(field.equals("status") ? " = :status" : " = :" + field);
            params.put(field, field.equals("status") ? org.linkage.router.domain.TicketStatus.valueOf(value) : value);
        }
    }

    /**
     * Reads of a page of tickets in a fixed number of queries, whatever the page size: units,
     * departments, rules and the numbers of related tickets are each read once for the whole page.
     */
    /** @param contact what the one-ticket read shows of the contact; null for a list (masked, none if confidential) */
    private List<TicketRead> reads(List<Ticket> tickets, Confidentiality.Contact contact, boolean withHistory) {
        if (tickets.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<TicketUnit>> units = TicketUnit.<TicketUnit>list("ticketId in ?1 order by departmentCode",
                        tickets.stream().map(t -> t.id).toList())
                .stream().collect(Collectors.groupingBy(u -> u.ticketId));
        Map<String, Department> departments = byKey(units.values().stream().flatMap(List::stream)
                .map(u -> u.departmentCode), codes -> Department.<Department>list("code in ?1", codes), d -> d.code);
        Map<Long, DispatchRule> rules = byKey(tickets.stream().map(t -> t.ruleId),
                ids -> DispatchRule.<DispatchRule>list("id in ?1", ids), r -> r.id);
        Map<UUID, String> numbers = new HashMap<>();
        byKey(tickets.stream().flatMap(t -> Stream.of(t.duplicateOf, t.masterTicketId)),
                ids -> Ticket.getEntityManager().createQuery("select t.id, t.ticketNumber from Ticket t where t.id in ?1",
                        Object[].class).setParameter(1, ids).getResultList(), row -> (UUID) row[0])
                .forEach((id, row) -> numbers.put(id, (String) row[1]));
        List<TicketRead> reads = new ArrayList<>(tickets.size());
        for (Ticket t : tickets) {
            reads.add(read(t, units.getOrDefault(t.id, List.of()), departments, rules.get(t.ruleId), numbers,
                    contact != null ? contact
                            : Confidentiality.contactFor(t.confidential, t.callbackRequired, true, false, false),
                    withHistory));
        }
        return reads;
    }

    /** Loads the rows for the distinct non-null keys in one query (none when there are no keys), by key. */
    private static <K, V> Map<K, V> byKey(Stream<K> keys, Function<List<K>, List<V>> load, Function<V, K> keyOf) {
        List<K> distinct = keys.filter(Objects::nonNull).distinct().toList();
        return distinct.isEmpty() ? Map.of()
                : load.apply(distinct).stream().collect(Collectors.toMap(keyOf, Function.identity()));
    }

    private static TicketRead read(Ticket t, List<TicketUnit> units, Map<String, Department> departments,
                                   DispatchRule rule, Map<UUID, String> numbers, Confidentiality.Contact contact,
                                   boolean withHistory) {
        boolean mask = contact == Confidentiality.Contact.MASKED;
        boolean none = contact == Confidentiality.Contact.NONE;
        List<TicketRead.Unit> read = units.stream()
                .map(u -> new TicketRead.Unit(departments.get(u.departmentCode), u.role)).toList();
        return new TicketRead(t, none ? null : mask ? Masking.name(t.callerName) : t.callerName,
                none ? null : mask && t.callerPhone != null ? Masking.phone(t.callerPhone) : t.callerPhone,
                mask && t.callerPhone != null, read, rule == null ? null : rule.version, numbers.get(t.duplicateOf),
                numbers.get(t.masterTicketId), withHistory ? TicketHistory.of(t.id) : null, null, null,
                none ? null : t.callerMediaUrl);
    }
}
