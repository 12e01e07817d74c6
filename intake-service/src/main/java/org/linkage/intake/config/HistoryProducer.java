package org.linkage.intake.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.linkage.commons.privacy.CallerHash;
import org.linkage.intake.domain.RiskRules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The caller-matching key and the risk rules, each read once at start-up. */
@Singleton
public class HistoryProducer {

    /** No default outside dev and test: a service that would hash under a known key refuses to start. */
    @Produces
    @Singleton
    CallerHash callerHash(@ConfigProperty(name = "linkage.caller-hash.key") String key) {
        return new CallerHash(key);
    }

    /** A file on disk when one is named ({@code file:} or a path that exists), else the class-path resource. */
    @Produces
    @Singleton
    RiskRules riskRules(IntakeConfig config) {
        String location = config.riskRules();
        Path file = Path.of(location.startsWith("file:") ? location.substring(5) : location);
        try (InputStream in = Files.isRegularFile(file) ? Files.newInputStream(file)
                : Thread.currentThread().getContextClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("missing risk rules " + location);
            }
            return RiskRules.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
