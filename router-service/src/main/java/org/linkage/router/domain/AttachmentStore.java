package org.linkage.router.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * Where the bytes of an attachment live. The ticket's database keeps what an attachment is (name, type, size, who
 * uploaded it); the store keeps only its content under the attachment's id. Local default: PostgreSQL
 * ({@code PostgresAttachmentStore}); an S3-compatible store is another implementation of this port.
 */
public interface AttachmentStore {
    /** Stores {@code content} under {@code id}, in the caller's transaction where the store has one. */
    void put(UUID id, byte[] content);

    Optional<byte[]> get(UUID id);
}
