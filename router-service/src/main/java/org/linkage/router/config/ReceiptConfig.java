package org.linkage.router.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

/** Text-message receipts to callers (issue 12): which adapter, which words, and how failures are retried. */
@ConfigMapping(prefix = "linkage.receipts")
public interface ReceiptConfig {
    /** Off: no receipt is written at all. */
    @WithDefault("true")
    boolean enabled();

    /** {@code log} (local runs, tests: the message goes to the log) or {@code http} (an SMS gateway). */
    @WithDefault("log")
    String adapter();

    /** The template language: {@code zh} (default) or {@code en}. */
    @WithDefault("zh")
    String language();

    /** The public case page the messages point to (the console's {@code /case}). */
    @WithName("case-url")
    @WithDefault("http://127.0.0.1:8080/case")
    String caseUrl();

    /** How often the worker sends due receipts (read by the scheduler annotation too). */
    @WithName("poll-interval")
    @WithDefault("5s")
    String pollInterval();

    @WithName("start-delay")
    @WithDefault("10s")
    String startDelay();

    @WithName("max-attempts")
    @WithDefault("8")
    int maxAttempts();

    @WithName("base-delay")
    @WithDefault("10s")
    Duration baseDelay();

    @WithName("max-delay")
    @WithDefault("30m")
    Duration maxDelay();

    /** How long a claimed receipt is kept from other workers while its attempt runs. */
    @WithDefault("2m")
    Duration lease();

    Http http();

    interface Http {
        /** The gateway's endpoint, required with adapter {@code http}. */
        Optional<String> url();

        /** The shared HMAC key the gateway verifies, required with adapter {@code http}. */
        Optional<String> key();

        @WithDefault("10s")
        Duration timeout();
    }
}
