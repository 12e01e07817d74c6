package org.linkage.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linkage.events.Topics;
import org.linkage.stack.KafkaServer;
import org.linkage.stack.KafkaUsers;
import org.linkage.stack.Ports;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broker every test and the local stack run (KafkaServer) admits only named clients, and holds each service to
 * the production KafkaUsers' rights: what it produces, what it consumes, in its own group. Without this, anyone on
 * the machine could publish a TicketDispatched and have the bridge deliver it.
 */
class KafkaSecurityTest {
    static KafkaServer kafka;

    @BeforeAll
    static void start() throws Exception {
        kafka = KafkaServer.start(Files.createTempDirectory("linkage-kafka-security"), Ports.free(), Ports.free());
        kafka.createTopics(KafkaUsers.serviceTopics(), 1);
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void anUnauthenticatedProducerIsRefusedAndNothingReachesTheTopic() throws Exception {
        long before = endOffset(Topics.TICKETS);
        Map<String, Object> anonymous = new HashMap<>(Map.of("bootstrap.servers", kafka.bootstrapServers()));
        ExecutionException refused = assertThrows(ExecutionException.class, () -> send(anonymous, Topics.TICKETS));
        assertTrue(refused.getCause() instanceof org.apache.kafka.common.errors.TimeoutException
                        || refused.getCause() instanceof org.apache.kafka.common.errors.AuthenticationException,
                "a plaintext client gets no metadata from a SASL listener: " + refused.getCause());
        assertEquals(before, endOffset(Topics.TICKETS));
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> config = KafkaUsers.named("router-service").clientConfig(kafka.bootstrapServers());
        config.put("sasl.jaas.config", KafkaUsers.jaas("router-service", "guessed"));
        ExecutionException refused = assertThrows(ExecutionException.class, () -> send(config, Topics.TICKETS));
        assertInstanceOf(SaslAuthenticationException.class, refused.getCause());
    }

    @Test
    void theIntakeServiceMayNotPublishTickets() throws Exception {
        long before = endOffset(Topics.TICKETS);
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> send(as("intake-service"), Topics.TICKETS));
        assertInstanceOf(TopicAuthorizationException.class, refused.getCause());
        assertEquals(before, endOffset(Topics.TICKETS));
    }

    @Test
    void aServiceMayNotWriteAnotherServicesDeadLetterTopic() {
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> send(as("hotline-bridge"), "dead-letter-topic-intake-tickets"));
        assertInstanceOf(TopicAuthorizationException.class, refused.getCause());
    }

    @Test
    void eachServiceWritesExactlyTheTopicsItProduces() throws Exception {
        for (KafkaUsers.User service : KafkaUsers.SERVICES) {
            List<String> wrong = new ArrayList<>();
            for (String topic : KafkaUsers.serviceTopics()) {
                boolean allowed;
                try {
                    send(as(service.name()), topic);
                    allowed = true;
                } catch (ExecutionException e) {
                    assertInstanceOf(TopicAuthorizationException.class, e.getCause(), service.name() + " on " + topic);
                    allowed = false;
                }
                if (allowed != service.writes().contains(topic)) {
                    wrong.add(topic + (allowed ? " allowed" : " refused"));
                }
            }
            assertEquals(List.of(), wrong, service.name());
        }
    }

    @Test
    void aServiceReadsWhatItConsumesInItsOwnGroup() throws Exception {
        String key = UUID.randomUUID().toString();
        send(as("intake-service"), Topics.REFERRALS, key);
        try (KafkaConsumer<String, String> router = consumer(as("router-service"), "router-service")) {
            router.subscribe(List.of(Topics.REFERRALS));
            List<String> keys = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!keys.contains(key) && System.nanoTime() < deadline) {
                router.poll(Duration.ofMillis(300)).forEach(r -> keys.add(r.key()));
            }
            assertTrue(keys.contains(key), "the router reads its referrals in group router-service");
        }
    }

    @Test
    void aServiceMayNotConsumeInAnotherServicesGroup() {
        try (KafkaConsumer<String, String> intake = consumer(as("intake-service"), "router-service")) {
            intake.subscribe(List.of(Topics.TICKETS));
            assertThrows(GroupAuthorizationException.class, () -> pollFor(intake, Duration.ofSeconds(20)));
        }
    }

    @Test
    void aServiceMayNotReadATopicItDoesNotConsume() {
        // the bridge's outcomes are the router's to read; intake has no business with them
        try (KafkaConsumer<String, String> intake = consumer(as("intake-service"), "intake-service")) {
            intake.subscribe(List.of(Topics.DELIVERIES));
            assertThrows(TopicAuthorizationException.class, () -> pollFor(intake, Duration.ofSeconds(20)));
        }
    }

    @Test
    void aServiceMayNotCreateTopics() {
        // topics are the stack's admin's (production: KafkaTopics); a service cannot make a topic others trust
        try (Admin admin = Admin.create(as("intake-service"))) {
            ExecutionException refused = assertThrows(ExecutionException.class, () -> admin.createTopics(
                    List.of(new org.apache.kafka.clients.admin.NewTopic("linkage.rogue", 1, (short) 1)))
                    .all().get(20, TimeUnit.SECONDS));
            assertInstanceOf(TopicAuthorizationException.class, refused.getCause());
        }
    }

    private static Map<String, Object> as(String user) {
        return KafkaUsers.named(user).clientConfig(kafka.bootstrapServers());
    }

    private static void send(Map<String, Object> config, String topic) throws Exception {
        send(config, topic, "k");
    }

    private static void send(Map<String, Object> base, String topic, String key) throws Exception {
        Map<String, Object> config = new HashMap<>(base);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, "{\"forged\":true}")).get(20, TimeUnit.SECONDS);
        }
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> base, String group) {
        Map<String, Object> config = new HashMap<>(base);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }

    private static void pollFor(KafkaConsumer<String, String> consumer, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> ignored : consumer.poll(Duration.ofMillis(300))) {
                // records would mean the refusal did not happen; the loop ends on the exception
            }
        }
    }

    /** The topic's end offset, read as the stack's admin would (the "e2e" observer reads every topic). */
    private static long endOffset(String topic) throws Exception {
        try (Admin admin = Admin.create(as("e2e"))) {
            TopicPartition p = new TopicPartition(topic, 0);
            return admin.listOffsets(Map.of(p, OffsetSpec.latest())).all().get(20, TimeUnit.SECONDS).get(p).offset();
        }
    }
}
