package org.linkage.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.linkage.stack.KafkaServer;
import org.linkage.stack.KafkaUsers;
import org.linkage.stack.Ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * A real Kafka broker (KRaft, one node) for a service's tests, with the project's topics created, secured as the
 * local stack's is: SASL SCRAM-SHA-512 and the ACLs of {@link KafkaUsers}. Tests reach it through the
 * {@code kafka.bootstrap.servers} config value; their own clients connect as a user of {@link KafkaUsers}.
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
        server.createTopics(KafkaUsers.serviceTopics(), 3);
        // The broker's address only: each service's test profile names its own user (kafka.sasl.jaas.config).
        return Map.of("kafka.bootstrap.servers", server.bootstrapServers());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
