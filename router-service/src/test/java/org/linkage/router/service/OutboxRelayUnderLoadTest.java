package org.linkage.router.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.linkage.stack.KafkaUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linkage.commons.outbox.Outbox;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under load, with many batches in flight and writers committing all the while, every batch the relay publishes is
 * deleted afterwards: no commit of the relay fails (the relay used to await the broker's acknowledgements inside its
 * JTA transaction, whose context the acknowledging threads then joined, so the commit failed with "commiting with 2
 * threads active" and the published batch was sent again), and every event reaches the topic exactly once.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class OutboxRelayUnderLoadTest {
    static final String TOPIC = "linkage.tickets";
    static final String TYPE = "org.linkage.test.relay-load.v1";
    static final int WRITERS = 8;
    static final int TRANSACTIONS_PER_WRITER = 60;
    static final int EVENTS_PER_TRANSACTION = 25;
    static final int EVENTS = WRITERS * TRANSACTIONS_PER_WRITER * EVENTS_PER_TRANSACTION;

    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;

    final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    final Handler watcher = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String text = record.getMessage() + " " + (record.getParameters() == null ? ""
                    : java.util.Arrays.toString(record.getParameters())) + " " + record.getThrown();
            if (record.getLevel().intValue() >= Level.WARNING.intValue()
                    && (text.contains("outbox relay") || text.contains("ARJUNA") || text.contains("without active transaction")
                    || text.contains("Could not commit"))) {
                problems.add(record.getLoggerName() + ": " + text);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    final List<Logger> watched = new ArrayList<>();

    @BeforeEach
    void watchLogs() {
        for (String name : List.of("", "org.linkage.commons.outbox", "com.arjuna", "io.agroal", "io.quarkus.narayana")) {
            Logger logger = Logger.getLogger(name);
            logger.addHandler(watcher);
            watched.add(logger);
        }
    }

    @AfterEach
    void unwatchLogs() {
        watched.forEach(l -> l.removeHandler(watcher));
    }

    @Test
    void everyEventIsPublishedOnceAndNoRelayCommitFailsUnderLoad() throws Exception {
        String marker = UUID.randomUUID().toString();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            done.add(writers.submit(() -> {
                for (int tx = 0; tx < TRANSACTIONS_PER_WRITER; tx++) {
                    int transaction = tx;
                    QuarkusTransaction.requiringNew().run(() -> {
                        for (int e = 0; e < EVENTS_PER_TRANSACTION; e++) {
                            // a key per writer and event slot: order per key is what the relay keeps
                            outbox.publish(TOPIC, "relay-load-" + writer + "-" + e, TYPE, marker,
                                    Map.of("writer", writer, "transaction", transaction, "event", e));
                        }
                    });
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        writers.shutdown();

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> waiting(marker), n -> n == 0);
        long drainedMs = (System.nanoTime() - start) / 1_000_000;

        Map<String, Integer> copies = readAll(marker, Duration.ofSeconds(60));
        long duplicated = copies.values().stream().filter(n -> n > 1).count();
        System.out.printf("RELAY_LOAD %d events: outbox empty after %d ms; %d distinct on the topic, %d sent more than once;"
                + " %d relay problems logged%n", EVENTS, drainedMs, copies.size(), duplicated, problems.size());
        assertTrue(problems.isEmpty(), "the relay logged: " + problems.subList(0, Math.min(5, problems.size())));
        assertEquals(EVENTS, copies.size(), "events on the topic");
        assertEquals(0, duplicated, "events published more than once");
    }

    private long waiting(String marker) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from outbox_event where subject = ?1").setParameter(1, marker)
                .getSingleResult()).longValue());
    }

    /** Every copy of the marked events on the topic: reads until all arrived, then two quiet seconds for late copies. */
    private static Map<String, Integer> readAll(String marker, Duration timeout) {
        Properties p = new Properties();
        p.putAll(KafkaUsers.named("test").clientConfig(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class)));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-router-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, Integer> copies = new HashMap<>();
        long end = System.nanoTime() + timeout.toNanos();
        long quietUntil = Long.MAX_VALUE;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(TOPIC));
            while (System.nanoTime() < Math.min(end, quietUntil)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    if (marker.equals(header(r, "ce_subject")) && TYPE.equals(header(r, "ce_type"))) {
                        copies.merge(header(r, "ce_id"), 1, Integer::sum);
                    }
                }
                if (copies.size() >= EVENTS && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        return copies;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
