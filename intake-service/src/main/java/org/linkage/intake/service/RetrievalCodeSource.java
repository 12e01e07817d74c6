package org.linkage.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.intake.domain.RetrievalCodes;

import java.security.SecureRandom;

/**
 * Draws retrieval codes. Unguessable because they are random (a caller's code and ticket number open the public case
 * view), so they cannot come from a sequence; unique because the column is, and a draw that hits a code already given
 * is retried by {@link CallService}: at a million calls a draw collides about once in 850,000.
 */
@ApplicationScoped
public class RetrievalCodeSource {
    private final SecureRandom random = new SecureRandom();

    public String next() {
        return RetrievalCodes.generate(random);
    }
}
