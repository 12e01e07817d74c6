package org.linkage.router.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.linkage.router.domain.AttachmentStore;

import java.util.Optional;
import java.util.UUID;

/**
 * The local default store: a {@code bytea} row in the router's own database, written in the same transaction as the
 * attachment's description and the audit entry, so an upload is all there or not at all. Large objects were not
 * chosen: they live outside the table (a deleted row leaves an orphan until {@code vacuumlo}), need their own
 * privileges for the application role, and pay off only for files far above the few megabytes accepted here.
 */
@ApplicationScoped
public class PostgresAttachmentStore implements AttachmentStore {
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void put(UUID id, byte[] content) {
        AttachmentContent c = new AttachmentContent();
        c.id = id;
        c.content = content;
        c.persist();
    }

    @Override
    public Optional<byte[]> get(UUID id) {
        return AttachmentContent.<AttachmentContent>findByIdOptional(id).map(c -> c.content);
    }
}
