package org.linkage.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.linkage.stack.KafkaServer;
import org.linkage.stack.Ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;

/**
 * A real Kafka broker (KRaft, one node) for a service's tests, with the project's topics created.
 * Tests reach it through the {@code kafka.bootstrap.servers} config value.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {
    private KafkaServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = KafkaServer.start(Files.createTempDirectory("linkage-kafka"), Ports.free(), Ports.free());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createTopics(Arrays.asList(org.linkage.events.Topics.ALL), 3);
        return Map.of("kafka.bootstrap.servers", server.bootstrapServers());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
