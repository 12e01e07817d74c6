package org.linkage.e2e;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventTypes;
import org.linkage.events.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stack deploy/run starts: its Kafka will not take a forged dispatch from a client without a name, nor from a
 * service that does not own the ticket stream, and no service can read in another's consumer group.
 */
class KafkaSecurityE2ETest {
    private static final String FORGED = "{\"ticketId\":\"" + UUID.randomUUID() + "\",\"departmentCode\":\"CD-HRSS\","
            + "\"endpoint\":\"http://attacker.invalid/hook\"}";

    @BeforeAll
    static void stack() {
        RunningStack.get();
    }

    @Test
    void anAnonymousClientCannotPublishADispatch() {
        Map<String, Object> anonymous = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningStack.get().kafka().bootstrapServers()));
        ExecutionException refused = assertThrows(ExecutionException.class, () -> forgeDispatch(anonymous));
        // a plaintext client gets no metadata from the SASL listener: it never learns where to send
        assertTrue(refused.getCause() instanceof org.apache.kafka.common.errors.TimeoutException
                || refused.getCause() instanceof org.apache.kafka.common.errors.AuthenticationException, refused.toString());
    }

    @Test
    void theIntakeServiceCannotPublishADispatch() {
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> forgeDispatch(RunningStack.get().kafka().client("intake-service")));
        assertInstanceOf(TopicAuthorizationException.class, refused.getCause());
    }

    @Test
    void theIntakeServiceCannotReadInTheRoutersGroup() {
        Map<String, Object> config = RunningStack.get().kafka().client("intake-service");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "router-service");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.TICKETS));
            assertThrows(GroupAuthorizationException.class, () -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(300));
                }
            });
        }
    }

    private static void forgeDispatch(Map<String, Object> base) throws Exception {
        Map<String, Object> config = new HashMap<>(base);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.TICKETS, UUID.randomUUID().toString(), FORGED);
            record.headers().add("ce_type", EventTypes.TICKET_DISPATCHED.getBytes(StandardCharsets.UTF_8));
            record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(20, TimeUnit.SECONDS);
        }
    }
}
