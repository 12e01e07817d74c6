package org.linkage.bridge.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.linkage.bridge.config.BridgeConfig;
import org.linkage.bridge.domain.KeyValueSpec;
import org.linkage.bridge.domain.Open311Mapping;
import org.linkage.bridge.repository.Open311Client;

import java.time.Clock;
import java.util.Map;

/**
 * Open311 clients and their api keys. Configuration seeds the table at start-up (a key changed in
 * the environment replaces the stored one, a client no longer configured is removed); requests are
 * checked against the table.
 */
@ApplicationScoped
public class Open311Clients {
    private final Map<String, String> configured;
    private final Clock clock;

    public Open311Clients(BridgeConfig config, Clock clock) {
        this.configured = KeyValueSpec.parse(config.open311Server().clients().orElse(null));
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        seed();
    }

    /**
     * Every replica seeds at start-up, at the same moment on a rollout: the removal and an upsert per client are
     * each safe to run twice at once (a find-then-insert lost the race on the primary key and stopped the start).
     */
    @Transactional
    public void seed() {
        // Configuration is the whole list: a client taken out of it (a revoked key) must stop working.
        if (configured.isEmpty()) {
            Open311Client.deleteAll();
        } else {
            Open311Client.delete("clientId not in ?1", configured.keySet());
        }
        configured.forEach((clientId, apiKey) -> Open311Client.seed(clientId, Open311Mapping.hashKey(apiKey), clock.instant()));
    }

    /** The client behind an api key; GeoReport's 403 when the key is unknown, 401 when none was sent. */
    @Transactional
    public String authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new Open311Exception(401, "api_key is required: every Linkage endpoint is authenticated");
        }
        Open311Client client = Open311Client.find("apiKeySha256", Open311Mapping.hashKey(apiKey.trim())).firstResult();
        if (client == null) {
            throw new Open311Exception(403, "Invalid api_key received");
        }
        return client.clientId;
    }
}
