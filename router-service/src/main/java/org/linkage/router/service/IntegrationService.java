package org.linkage.router.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.linkage.commons.problem.Problem;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.Actor;
import org.linkage.router.repository.DispatchRule;
import org.linkage.router.repository.District;
import org.linkage.router.repository.IntegrationRequestKey;
import org.linkage.router.repository.IntegrationUpdateKey;
import org.linkage.router.repository.Ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * What the hotline bridge does on behalf of department systems and Open311 clients. Both calls are
 * idempotent under the bridge's Idempotency-Key, because the bridge retries when an answer is lost.
 */
@ApplicationScoped
public class IntegrationService {
    /** Police categories of the shared taxonomy: a 12345 request in one of these goes back to 110. */
    public static final Set<String> POLICE_CATEGORIES = Set.of("CRIME", "PUBLIC_ORDER", "TRAFFIC_ACCIDENT", "FRAUD",
            "DANGER_TO_LIFE", "MISSING_PERSON", "MASS_INCIDENT", "POLICE_CONDUCT");
    public static final String KEY_HEADER = "Idempotency-Key";
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{8,100}");
    private static final String UNIQUE_VIOLATION = "23505";

    /** A ticket made (or, for a repeated key, the one made before) from an Open311 request. */
    public record Filed(UUID ticketId, String ticketNumber, String status, boolean replayed) {
    }

    /** A ticket's status after a department update, first applied or replayed. */
    public record Applied(String ticketNumber, String status) {
    }

    private final DispatchService dispatch;
    private final TicketService tickets;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    public IntegrationService(DispatchService dispatch, TicketService tickets, EntityManager em, ObjectMapper json,
                              Clock clock) {
        this.dispatch = dispatch;
        this.tickets = tickets;
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /** A request that reached 12345 directly; a police matter is created and handed to 110 at once. */
    public Filed createRequest(String idempotencyKey, TicketDraft draft, Actor actor) {
        String key = requireKey(idempotencyKey);
        String hash = sha256(draft);
        return once(IntegrationRequestKey.UNIQUE, () -> {
            IntegrationRequestKey seen = IntegrationRequestKey.of(draft.channel(), key);
            return seen != null ? replay(seen, hash) : file(key, hash, draft, actor);
        }, () -> replay(IntegrationRequestKey.of(draft.channel(), key), hash));
    }

    /**
     * Runs {@code attempt} in its own transaction; if a simultaneous call with the same key committed first
     * (the unique constraint refused ours and rolled it back), its recorded answer is the answer to both.
     */
    private static <T> T once(String constraint, Callable<T> attempt, Callable<T> replay) {
        try {
            return QuarkusTransaction.requiringNew().call(attempt);
        } catch (PersistenceException e) {
            if (!uniqueViolation(e, constraint)) {
                throw e;
            }
            return QuarkusTransaction.requiringNew().call(replay);
        }
    }

    private Filed file(String key, String hash, TicketDraft draft, Actor actor) {
        boolean police = POLICE_CATEGORIES.contains(draft.categoryCode());
        if (!police && DispatchRule.currentFor(draft.categoryCode()).isEmpty()) {
            throw ProblemException.badRequest("categoryCode", "unknown category " + draft.categoryCode());
        }
        if (draft.districtCode() != null && District.findById(draft.districtCode()) == null) {
            throw ProblemException.badRequest("districtCode", "unknown district " + draft.districtCode());
        }
        Ticket t = dispatch.create(draft, actor, !police);
        if (police) {
            tickets.transfer(t, actor, "police matter (" + draft.categoryCode() + ") received on 12345", "OPEN311");
        }
        IntegrationRequestKey k = new IntegrationRequestKey();
        k.channel = draft.channel();
        k.idempotencyKey = key;
        k.requestSha256 = hash;
        k.ticketId = t.id;
        k.ticketNumber = t.ticketNumber;
        k.status = t.status.name();
        k.createdAt = clock.instant();
        k.persist();
        // Flushed here so a racing twin fails inside this transaction, where the caller can tell it apart.
        em.flush();
        return new Filed(t.id, t.ticketNumber, k.status, false);
    }

    private static Filed replay(IntegrationRequestKey seen, String hash) {
        if (!seen.requestSha256.equals(hash)) {
            throw keyReused("request " + seen.ticketNumber);
        }
        return new Filed(seen.ticketId, seen.ticketNumber, seen.status, true);
    }

    /**
     * Applies a department's update once per key: a repeat (the bridge retrying after a lost answer) gets
     * the recorded result instead of a second transition or a 409. Without a key the update is simply applied.
     * Refusals are not recorded, so a repeat of a refused update is judged again by the lifecycle.
     */
    public Applied applyUpdate(String ticketNumber, String departmentCode, String idempotencyKey, Object update,
                               Supplier<Ticket> apply) {
        if (idempotencyKey == null) {
            Ticket t = apply.get();
            return new Applied(t.ticketNumber, t.status.name());
        }
        String key = requireKey(idempotencyKey);
        String hash = sha256(List.of(ticketNumber, update));
        return once(IntegrationUpdateKey.UNIQUE, () -> {
            IntegrationUpdateKey seen = IntegrationUpdateKey.of(departmentCode, key);
            if (seen != null) {
                return replay(seen, hash);
            }
            Ticket t = apply.get();
            IntegrationUpdateKey k = new IntegrationUpdateKey();
            k.departmentCode = departmentCode;
            k.idempotencyKey = key;
            k.requestSha256 = hash;
            k.ticketNumber = t.ticketNumber;
            k.status = t.status.name();
            k.appliedAt = clock.instant();
            k.persist();
            em.flush();
            return new Applied(k.ticketNumber, k.status);
        }, () -> replay(IntegrationUpdateKey.of(departmentCode, key), hash));
    }

    private static Applied replay(IntegrationUpdateKey seen, String hash) {
        if (!seen.requestSha256.equals(hash)) {
            throw keyReused("update of ticket " + seen.ticketNumber);
        }
        return new Applied(seen.ticketNumber, seen.status);
    }

    private static String requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw ProblemException.badRequest(KEY_HEADER, "header is required so a retried call is not applied twice");
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.badRequest(KEY_HEADER, "must be 8 to 100 characters of letters, digits and . _ : -");
        }
        return key;
    }

    private static ProblemException keyReused(String what) {
        String message = "was already used for a different " + what + "; use a new key for a new call";
        return new ProblemException(422, "Unprocessable content", KEY_HEADER + " " + message,
                List.of(new Problem.FieldError(KEY_HEADER, message)), null);
    }

    private String sha256(Object value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }

    private static boolean uniqueViolation(Throwable e, String constraint) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains(constraint)) {
                return true;
            }
        }
        return false;
    }
}
