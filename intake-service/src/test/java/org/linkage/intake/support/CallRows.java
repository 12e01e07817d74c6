package org.linkage.intake.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.linkage.intake.classification.Disposition;
import org.linkage.intake.domain.Channel;
import org.linkage.intake.domain.Decision;
import org.linkage.events.Urgency;
import org.linkage.intake.repository.CallEntity;
import org.linkage.intake.repository.CallRepository;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Stores a call row directly, for what the REST API cannot produce inside one test identity: calls
 * taken by other people, or decisions at chosen times.
 */
public final class CallRows {
    private CallRows() {
    }

    public static UUID insert(CallRepository calls, Consumer<CallEntity> customise) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CallEntity c = new CallEntity();
            c.id = UUID.randomUUID();
            c.callNumber = "110-TEST-" + c.id.toString().substring(0, 18);
            c.retrievalCode = c.id.toString().substring(0, 8).toUpperCase();
            c.channel = Channel.PHONE;
            c.callerPhone = "13900001111";
            c.content = "test";
            c.receivedAt = Instant.parse("2026-11-28T01:00:00Z");
            c.createdAt = c.receivedAt;
            c.takenBy = "someone-else";
            c.urgency = Urgency.NORMAL;
            c.suggestedDisposition = Disposition.NON_POLICE;
            c.suggestedCategory = "NOISE";
            c.confidence = 0.9;
            c.signals = "[]";
            c.modelVersion = "test";
            c.decision = Decision.PENDING;
            customise.accept(c);
            calls.persist(c);
            return c.id;
        });
    }
}
