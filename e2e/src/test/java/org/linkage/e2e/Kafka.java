package org.linkage.e2e;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.linkage.events.EventTypes;
import org.linkage.events.Topics;
import org.linkage.stack.KafkaUsers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/** Reads the real topics from the outside, as an auditor of the event stream would. */
final class Kafka {
    private static final Pattern TICKET_ID = Pattern.compile("\"ticketId\"\\s*:\\s*\"([^\"]+)\"");

    private Kafka() {
    }

    static List<String> referralKeys() {
        return readAll(Topics.REFERRALS).stream().map(ConsumerRecord::key).toList();
    }

    static long referralCount(String callId) {
        return readAll(Topics.REFERRALS).stream().filter(r -> callId.equals(r.key())).count();
    }

    /** Distinct tickets dispatched for a call (a re-dispatch of the same ticket does not count twice). */
    static long dispatchesOfCall(String callId) {
        return readAll(Topics.TICKETS).stream()
                .filter(r -> EventTypes.TICKET_DISPATCHED.equals(header(r, "ce_type")))
                .filter(r -> r.value().contains("\"callId\":\"" + callId + "\""))
                .map(r -> {
                    Matcher m = TICKET_ID.matcher(r.value());
                    return m.find() ? m.group(1) : r.key();
                })
                .collect(Collectors.toSet()).size();
    }

    /** Publishes the call's referral event again, byte for byte (same CloudEvents id), as a broker redelivery would. */
    static void replayReferral(String callId) {
        ConsumerRecord<String, String> original = readAll(Topics.REFERRALS).stream()
                .filter(r -> callId.equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("no referral published for call " + callId));
        // a redelivery is the producer's record again: sent as intake-service, the only user that may write referrals
        Map<String, Object> config = RunningStack.get().kafka().client(KafkaUsers.writerOf(original.topic()).name());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> copy = new ProducerRecord<>(original.topic(), original.key(), original.value());
            original.headers().forEach(h -> copy.headers().add(h));
            producer.send(copy).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not replay the referral", e);
        }
    }

    /** Waits until a consumer group has committed everything on a topic: it has seen every record. */
    static void awaitConsumed(String groupId, String topic) {
        try (Admin admin = Admin.create(asE2e())) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Set<TopicPartition> partitions = partitions(topic);
                var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                        .all().get(10, TimeUnit.SECONDS);
                return partitions.stream().allMatch(p -> {
                    long end = ends.get(p).offset();
                    OffsetAndMetadata c = committed.get(p);
                    return end == 0 || (c != null && c.offset() >= end);
                });
            });
        }
    }

    private static Set<TopicPartition> partitions(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition()))
                    .collect(Collectors.toSet());
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = asE2e();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** The suite's own user: reads every topic, describes the services' groups, writes nothing. */
    private static Map<String, Object> asE2e() {
        return RunningStack.get().kafka().client("e2e");
    }
}
