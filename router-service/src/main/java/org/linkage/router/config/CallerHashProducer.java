package org.linkage.router.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.linkage.commons.privacy.CallerHash;

/** The key callers are matched on, the same value as intake's: without it the router does not start. */
@Singleton
public class CallerHashProducer {
    @Produces
    @Singleton
    CallerHash callerHash(@ConfigProperty(name = "linkage.caller-hash.key") String key) {
        return new CallerHash(key);
    }
}
