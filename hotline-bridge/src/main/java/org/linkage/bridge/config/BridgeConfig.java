package org.linkage.bridge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Everything tunable about the bridge; defaults suit production, the test profile shrinks the delays. */
@ConfigMapping(prefix = "linkage.bridge")
public interface BridgeConfig {
    Delivery delivery();

    Signing signing();

    Open311Out open311();

    Open311Server open311Server();

    DemoReceiver demoReceiver();

    Departments departments();

    /**
     * The key the public case look-up's retrieval codes are hashed under ({@code CaseCodes}): 32 or more random
     * characters, held outside the database. Production passes LINKAGE_BRIDGE_CASE_CODE_KEY from the secret store
     * and does not start without it; dev and test have their own.
     */
    Optional<String> caseCodeKey();

    InboundFiles inboundFiles();

    /**
     * Files a department system sends with its status webhook (base64 in the JSON): what the bridge checks before
     * passing them on. The router checks each file again with its own limits (the content, not the declaration).
     */
    interface InboundFiles {
        /** Files per update. */
        @WithDefault("5")
        int maxCount();

        /** One file, decoded (the router's attachment limit, 10 MiB). */
        @WithDefault("10485760")
        long maxFileBytes();

        /** All files of one update, decoded: 15 MiB, about 20 MiB of base64, under the HTTP body limit (21M). */
        @WithDefault("15728640")
        long maxTotalBytes();
    }

    /** The bridge's own directory of department endpoints (see {@code DepartmentDirectory}). */
    interface Departments {
        /** {@code DEPT=WEBHOOK|OPEN311 URL;...} (LINKAGE_BRIDGE_DEPARTMENTS), for units not behind the gateway. */
        Optional<String> endpoints();

        /**
         * The city's department gateway, {@code {code}} replaced by the unit code (LINKAGE_DEPARTMENTS_DEFAULT_ENDPOINT,
         * the template the router seeds its catalogue with); adapter WEBHOOK.
         */
        Optional<String> defaultEndpoint();
    }

    interface DemoReceiver {
        /** The reference department endpoint for local runs; off in production. */
        @WithDefault("false")
        boolean enabled();
    }

    interface Delivery {
        /** How often the worker looks for due deliveries (retries come due by time); a new delivery wakes it at once. */
        @WithDefault("5s")
        String pollInterval();

        /** Delay before the first worker tick after start-up. */
        @WithDefault("2s")
        String startDelay();

        /** How many due deliveries one worker tick claims. */
        @WithDefault("50")
        int batchSize();

        /** Parallel HTTP attempts per tick, so one slow endpoint cannot hold up the others. */
        @WithDefault("8")
        int concurrency();

        /** How long a claim lasts; a worker that dies mid-attempt releases its rows after this. */
        @WithDefault("2m")
        Duration lease();

        /** Time-out of one HTTP attempt (connect plus response). */
        @WithDefault("10s")
        Duration attemptTimeout();

        /**
         * Overall deadline of one attempt, body included: a department that answers its headers and then
         * drips the body must not keep a worker past its lease (the row would be claimed and sent again).
         * Never more than half the lease, whatever is configured.
         */
        @WithDefault("30s")
        Duration attemptDeadline();

        /** The most of a department's response body that is read; the rest is not waited for. */
        @WithDefault("65536")
        int maxResponseBytes();

        /**
         * With the defaults the last attempt comes 1.1 to 2.2 hours after the first (jitter decides),
         * so a department down for an hour still gets every ticket; open-circuit deferrals come on top.
         */
        @WithDefault("12")
        int maxAttempts();

        @WithDefault("10s")
        Duration baseDelay();

        @WithDefault("30m")
        Duration maxDelay();

        /** Consecutive failures that open an endpoint's circuit. */
        @WithDefault("5")
        int breakerThreshold();

        /** How long an open circuit defers attempts to its endpoint before one trial goes through. */
        @WithDefault("1m")
        Duration breakerCooldown();
    }

    interface Signing {
        /** {@code DEPT=current[|previous];...}; production passes LINKAGE_BRIDGE_SIGNING_KEYS from a secret store. */
        Optional<String> keys();

        /** {@code current[|previous]} for departments without their own entry. */
        Optional<String> defaultKeys();

        /** Inbound webhooks older (or newer) than this are refused as possible replays. */
        @WithDefault("5m")
        Duration replayWindow();

        /**
         * Refused (401) webhooks one caller may send for one department per minute before it is answered 429
         * without being checked or recorded: guessing keys, or a system stuck on a wrong key, must not fill the
         * inbound log or burn CPU on signatures.
         */
        @WithDefault("20")
        int refusalsPerMinute();
    }

    interface Open311Out {
        /** {@code CATEGORY=service_code;...}; a category without an entry is sent under its own code. */
        Optional<String> serviceCodes();

        /** {@code DEPT=api_key;...}: the key each department's Open311 server issued to us. */
        Optional<String> apiKeys();

        /** How often delivered Open311 requests are checked for closure ({@code off} disables polling). */
        @WithDefault("5m")
        String pollInterval();

        @WithDefault("50")
        int pollBatchSize();
    }

    interface Open311Server {
        /** {@code clientId=api_key;...}: the 311 tools allowed in (LINKAGE_BRIDGE_OPEN311_CLIENTS in production). */
        Optional<String> clients();

        /** The city's zone: GeoReport date-times carry a local offset. */
        @WithDefault("Asia/Shanghai")
        String zone();

        /** GeoReport's default window for GET requests without dates. */
        @WithDefault("90")
        int defaultDays();

        @WithDefault("1000")
        int maxResults();

        /**
         * How often requests held while intake's classifier was unreachable are checked again; nothing is
         * filed until the check has run (a possible police matter is never filed unchecked).
         */
        @WithDefault("30s")
        Duration heldRecheck();
    }
}
