package org.linkage.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.linkage.events.Topics;
import org.linkage.stack.KafkaServer;
import org.linkage.stack.KafkaUsers;
import org.linkage.stack.Ports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The broker restarts on its own data (deploy/run's .data, the fault suite's broker restart) with the records, the
 * users and the ACLs it had: a restart neither opens it up nor locks the services out.
 */
class KafkaRestartTest {

    @Test
    void aRestartedBrokerKeepsItsRecordsUsersAndAcls() throws Exception {
        Path dir = Files.createTempDirectory("linkage-kafka-restart");
        int port = Ports.free();
        int controller = Ports.free();
        KafkaServer kafka = KafkaServer.start(dir, port, controller);
        try {
            kafka.createTopics(KafkaUsers.serviceTopics(), 1);
            send(kafka, "intake-service", Topics.REFERRALS);
        } finally {
            kafka.close();
        }
        long t0 = System.nanoTime();
        kafka = KafkaServer.start(dir, port, controller);
        System.out.printf("broker restarted in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        try {
            send(kafka, "intake-service", Topics.REFERRALS);
            assertEquals(2, endOffset(kafka, Topics.REFERRALS), "both referrals, the one from before the restart too");
            KafkaServer restarted = kafka;
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> send(restarted, "intake-service", Topics.TICKETS));
            assertInstanceOf(TopicAuthorizationException.class, refused.getCause());
        } finally {
            kafka.close();
        }
    }

    private static void send(KafkaServer kafka, String user, String topic) throws Exception {
        Map<String, Object> config = new HashMap<>(kafka.client(user));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, "k", "{}")).get(30, TimeUnit.SECONDS);
        }
    }

    private static long endOffset(KafkaServer kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(kafka.client("e2e"))) {
            TopicPartition p = new TopicPartition(topic, 0);
            return admin.listOffsets(Map.of(p, OffsetSpec.latest())).all().get(20, TimeUnit.SECONDS).get(p).offset();
        }
    }
}
