package org.linkage.router.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.linkage.stack.KafkaUsers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/** Talks to the test broker as another service would: binary-mode CloudEvents in, records out. */
public final class KafkaSupport {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    public record Event(String key, String type, String subject, JsonNode data, String id) {
    }

    private KafkaSupport() {
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Sends {@code data} as a CloudEvent with the given id (reuse an id to replay). */
    public static void send(String topic, String key, String eventId, String type, Object data) {
        Properties p = new Properties();
        // as the topic's real producer: the broker would refuse anyone else
        p.putAll(KafkaUsers.writerOf(topic).clientConfig(bootstrap()));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, JSON.writeValueAsString(data));
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", eventId);
            header(record, "ce_type", type);
            header(record, "ce_source", "/linkage/test");
            header(record, "ce_time", Instant.now().toString());
            header(record, "content-type", "application/json");
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads {@code topic} from the beginning until {@code wanted} matches or the timeout passes; all matches. */
    public static List<Event> read(String topic, Predicate<Event> wanted, int atLeast, Duration timeout) {
        Properties p = new Properties();
        p.putAll(KafkaUsers.named("test").clientConfig(bootstrap()));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-router-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<Event> found = new ArrayList<>();
        long end = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < end && found.size() < atLeast) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    Event e = new Event(r.key(), headerOf(r, "ce_type"), headerOf(r, "ce_subject"), JSON.readTree(r.value()),
                            headerOf(r, "ce_id"));
                    if (wanted.test(e)) {
                        found.add(e);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not read " + topic, e);
        }
        return found;
    }

    private static String headerOf(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
