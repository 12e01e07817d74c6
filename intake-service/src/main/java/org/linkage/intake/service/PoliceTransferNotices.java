package org.linkage.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.linkage.intake.repository.PoliceTransferRepository;

import java.sql.PreparedStatement;
import java.util.Optional;
import java.util.UUID;

/**
 * Announces a change of the hand-back queue to every replica through PostgreSQL NOTIFY. Sent inside the
 * transaction that makes the change, so the database delivers it on commit only, to every listening
 * session at once (one per replica), in commit order; a rolled-back change is never announced.
 */
@ApplicationScoped
public class PoliceTransferNotices {
    /** The NOTIFY channel; per database, so only intake-service replicas hear it. */
    public static final String CHANNEL = "police_transfer_changes";
    private static final Logger LOG = Logger.getLogger(PoliceTransferNotices.class);

    /** What a notice says: which transfer changed and how; listeners re-read the rest. */
    record Notice(UUID transferId, PoliceTransferChange.Kind kind) {
    }

    private final PoliceTransferRepository transfers;

    public PoliceTransferNotices(PoliceTransferRepository transfers) {
        this.transfers = transfers;
    }

    /** Must run inside the transaction that made the change (it rides on that transaction's connection). */
    public void send(PoliceTransferChange.Kind kind, UUID transferId) {
        // Through JDBC, not a Hibernate native query: pg_notify returns void, which has no result mapping.
        transfers.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
                notify.setString(1, CHANNEL);
                notify.setString(2, payload(kind, transferId));
                notify.execute();
            }
        });
    }

    /** {@code <transferId>:<QUEUED|ACCEPTED>}: small and free of personal data (payloads show in server logs). */
    public static String payload(PoliceTransferChange.Kind kind, UUID transferId) {
        return transferId + ":" + kind.name();
    }

    /** Empty for anything on the channel that is not one of our notices (it is skipped, not fatal). */
    static Optional<Notice> parse(String payload) {
        int colon = payload == null ? -1 : payload.lastIndexOf(':');
        try {
            if (colon > 0) {
                return Optional.of(new Notice(UUID.fromString(payload.substring(0, colon)),
                        PoliceTransferChange.Kind.valueOf(payload.substring(colon + 1))));
            }
        } catch (IllegalArgumentException e) {
            // fall through to the warning
        }
        LOG.warnf("ignored a notice on %s that is not <transferId>:<kind>: %s", CHANNEL, payload);
        return Optional.empty();
    }
}
