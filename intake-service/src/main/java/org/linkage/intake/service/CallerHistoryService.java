package org.linkage.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.security.Actor;
import org.linkage.intake.client.RouterApi;
import org.linkage.intake.client.RouterHistoryClient;
import org.linkage.intake.config.IntakeConfig;
import org.linkage.intake.domain.CallerHistory;
import org.linkage.intake.domain.RiskRules;
import org.linkage.intake.domain.RiskWarning;
import org.linkage.intake.repository.CallEntity;
import org.linkage.intake.repository.CallRepository;
import org.linkage.intake.repository.RiskWarningRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A caller's history on both lines and the risk warnings it raises, computed when a call's page asks for it (never
 * on the submit path): the 110 calls from intake's own table, the 12345 tickets from the router. Both are read
 * through the (caller hash, time) indexes within the rules' longest window and capped per line, so a look-up costs
 * the same however much is stored. The router is asked outside any transaction, and when it cannot answer the 110
 * part is still given, saying 12345 was not available.
 */
@ApplicationScoped
public class CallerHistoryService {
    private static final Logger LOG = Logger.getLogger(CallerHistoryService.class);

    /** What the call-taker is shown, and what the rules found. */
    public record Result(CallEntity call, boolean matched, Instant from, List<CallEntity> calls,
                         List<RouterApi.CallerTicket> tickets, boolean hotlineAvailable,
                         List<RiskWarning> warnings) {
    }

    private final CallAccess access;
    private final CallRepository calls;
    private final RiskWarningRepository warnings;
    private final RouterHistoryClient router;
    private final RiskRules rules;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final IntakeConfig config;
    private final Clock clock;

    public CallerHistoryService(CallAccess access, CallRepository calls, RiskWarningRepository warnings,
                                RouterHistoryClient router, RiskRules rules, AuditTrail audit, ObjectMapper json,
                                IntakeConfig config, Clock clock) {
        this.access = access;
        this.calls = calls;
        this.warnings = warnings;
        this.router = router;
        this.rules = rules;
        this.audit = audit;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    public Result of(UUID callId, Actor actor) {
        CallEntity call = QuarkusTransaction.requiringNew().call(() -> access.visible(callId, actor));
        // Up to when the call was recorded, not when the caller says it was received: a receivedAt from the
        // call-taker's system (whole seconds, a clock a little behind) can fall before a ticket made moments earlier.
        Instant until = call.createdAt != null && call.createdAt.isAfter(call.receivedAt) ? call.createdAt
                : call.receivedAt;
        Instant from = until.minus(rules.lookBack());
        if (call.callerHash == null) {
            // No number, or a call from before hashes were kept: nothing to match on, nothing to warn about.
            return new Result(call, false, from, List.of(), List.of(), true, List.of());
        }
        List<CallEntity> earlier = QuarkusTransaction.requiringNew().call(() ->
                calls.byCaller(call.callerHash, from, until, call.id, config.historyLimit()));
        List<RouterApi.CallerTicket> tickets;
        boolean available;
        try {
            tickets = router.tickets(call.callerHash, from, until, config.historyLimit()).stream()
                    .filter(t -> !call.id.equals(t.callId())).toList();
            available = true;
        } catch (RuntimeException e) {
            LOG.warnf("12345 history for call %s unavailable: %s", call.callNumber, e.toString());
            tickets = List.of();
            available = false;
        }
        List<RiskWarning> raised = rules.evaluate(current(call, until),
                earlier.stream().map(CallerHistoryService::earlierCall).toList(),
                available ? tickets.stream().map(CallerHistoryService::earlierTicket).toList() : null);
        List<RouterApi.CallerTicket> shown = tickets;
        boolean hotline = available;
        QuarkusTransaction.requiringNew().run(() -> record(call, actor, raised, earlier.size(), shown.size(), hotline));
        return new Result(call, true, from, earlier, tickets, available, raised);
    }

    private void record(CallEntity call, Actor actor, List<RiskWarning> raised, int calls, int tickets,
                        boolean hotline) {
        Instant now = clock.instant();
        List<String> fresh = new java.util.ArrayList<>();
        for (RiskWarning w : raised) {
            if (warnings.record(call.id, w.ruleCode(), w.kind().name(), category(call), call.districtCode, now,
                    actor.name(), toJson(w.evidence()))) {
                fresh.add(w.ruleCode());
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("earlierCalls", calls);
        details.put("tickets", tickets);
        details.put("hotlineAvailable", hotline);
        details.put("warnings", raised.stream().map(RiskWarning::ruleCode).toList());
        details.put("newWarnings", fresh);
        // Reading who else called about what is a look at personal history: audited like a contact read.
        audit.record(actor, AuditActions.CALL, call.id, AuditActions.HISTORY_VIEWED, null, details);
    }

    private static CallerHistory.Current current(CallEntity call, Instant asOf) {
        String disposition = call.disposition != null ? call.disposition.name() : call.suggestedDisposition.name();
        return new CallerHistory.Current(call.callNumber, asOf, disposition, category(call),
                call.districtCode);
    }

    /** The matter: the decided category, or the suggestion while the call is pending. */
    static String category(CallEntity call) {
        return call.categoryCode != null ? call.categoryCode : call.suggestedCategory;
    }

    private static CallerHistory.EarlierCall earlierCall(CallEntity c) {
        String disposition = c.disposition != null ? c.disposition.name() : c.suggestedDisposition.name();
        return new CallerHistory.EarlierCall(c.callNumber, c.receivedAt, disposition, category(c), c.districtCode,
                c.incidentNumber != null, c.content);
    }

    private static CallerHistory.EarlierTicket earlierTicket(RouterApi.CallerTicket t) {
        return new CallerHistory.EarlierTicket(t.ticketNumber(), t.callNumber(), t.createdAt(), t.status(),
                t.categoryCode(), t.districtCode(), t.reopenedCount(), t.handedToPolice());
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
