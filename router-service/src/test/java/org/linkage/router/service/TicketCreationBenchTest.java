package org.linkage.router.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.linkage.events.DeliveryOutcome;
import org.linkage.events.EventTypes;
import org.linkage.events.ReferralCreated;
import org.linkage.events.Topics;
import org.linkage.router.messaging.DeliveryConsumer;
import org.linkage.router.messaging.ReferralConsumer;
import org.linkage.router.support.StatementCounter;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What consuming a referral costs the router with a city's worth of tickets stored: statements the consumer sends per
 * referral (and per delivery outcome), PostgreSQL commits and rows written per referral, and the time per referral.
 * Off by default; run with
 * {@code mvn -B -o verify -pl router-service -am -Dtest=TicketCreationBenchTest -Dlinkage.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false} and read the {@code BENCH} lines.
 * <p>
 * The records are handed to the consumers as Kafka would hand over a poll (at most 100), on the test's thread, so the
 * statements counted are the consumer's own and not those of the relay or the timers running beside it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@EnabledIfSystemProperty(named = "linkage.bench", matches = "true")
class TicketCreationBenchTest {
    static final int TICKETS = Integer.getInteger("linkage.bench.tickets", 50_000);
    static final int REFERRALS = Integer.getInteger("linkage.bench.referrals", 300);
    static final int POLL = 100;
    static final String[] CATEGORIES = {"WAGES", "NOISE", "CITY", "CONSUMER", "UTILITIES", "HEALTH", "ROADS", "PROPERTY"};
    static final String[] TEXTS = {
            "工地老板拖欠工资三个月，工人在现场讨薪",
            "小区楼下烧烤摊夜间噪声扰民，油烟很大",
            "道路井盖缺失，夜间行人车辆通行危险",
            "商家预付卡跑路，消费者要求退款",
            "小区停水两天没有通知，居民生活困难",
            "物业公司乱收停车费，业主要求说明依据"};
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    ReferralConsumer referrals;
    @Inject
    DeliveryConsumer deliveries;

    @Test
    void referralsConsumedWithFiftyThousandTicketsStored() throws Exception {
        Instant now = clock.instant();
        long t0 = System.nanoTime();
        // 30 days of tickets: eight categories, 23 districts, six kinds of complaint, so the 72-hour window of a
        // category holds several hundred tickets of the same district and similar text
        QuarkusTransaction.requiringNew().timeout(1800).run(() -> em.createNativeQuery("""
                with d as (select array_agg(code order by code) as codes from district)
                insert into ticket (id, ticket_number, channel, category_code, urgency, content, address, district_code,
                    status, version, created_at)
                select gen_random_uuid(), 'BENCH-' || i, '110', (cast(?2 as text[]))[1 + i % 8], 'NORMAL',
                    (cast(?3 as text[]))[1 + i % 6] || '，第' || i || '次反映', '成都市某街道' || (i % 300) || '号',
                    d.codes[1 + i % 23], case when i % 10 < 7 then 'DISPATCHED' else 'CLOSED' end, 1,
                    cast(?4 as timestamptz) - (i * (30 * 86400 / ?1)) * interval '1 second'
                from generate_series(1, ?1) as i, d""")
                .setParameter(1, TICKETS).setParameter(2, CATEGORIES).setParameter(3, TEXTS)
                .setParameter(4, now.toString()).executeUpdate());
        PostgresResource.asOwner("analyze"); // only the tables' owner may analyze them
        System.out.printf("BENCH stored %d tickets in %d ms%n", TICKETS, (System.nanoTime() - t0) / 1_000_000);

        consumeReferrals(20); // warm up: JIT, caches, connections
        if (Boolean.getBoolean("linkage.bench.show-statements")) {
            showStatements();
        }
        Figures r = consumeReferrals(REFERRALS);
        Figures d = consumeDeliveries(r.ticketIds());
        System.out.printf("BENCH router ticket creation, %d tickets stored, %d referrals in polls of %d:"
                        + " %.1f statements per referral on the consumer's thread, %.2f PostgreSQL commits and %.1f rows"
                        + " written per referral (whole service, relay included), %.2f ms per referral%n",
                TICKETS, REFERRALS, POLL, r.statements() / (double) REFERRALS, r.commits() / (double) REFERRALS,
                r.rows() / (double) REFERRALS, r.millis() / (double) REFERRALS);
        System.out.printf("BENCH router delivery outcomes, %d in polls of %d: %.1f statements per outcome,"
                        + " %.2f commits and %.1f rows written per outcome, %.2f ms per outcome%n",
                REFERRALS, POLL, d.statements() / (double) REFERRALS, d.commits() / (double) REFERRALS,
                d.rows() / (double) REFERRALS, d.millis() / (double) REFERRALS);
        assertEquals(REFERRALS, r.ticketIds().size(), "a ticket for every referral");
    }

    /** What one referral (a poll of one, so no batch around it) and its delivery outcome send, statement by statement. */
    private void showStatements() throws Exception {
        ReferralCreated r = new ReferralCreated(UUID.randomUUID(), UUID.randomUUID(), "110-BENCH-SHOW", "NON_POLICE",
                "WAGES", "NORMAL", TEXTS[0], "成都市某街道1号", "510107", null, null, "13812345678", "李四",
                clock.instant(), null, "calltaker1", clock.instant());
        List<ConsumerRecord<String, String>> one = List.of(
                record(Topics.REFERRALS, r.callId().toString(), EventTypes.REFERRAL_CREATED, r));
        ConsumerRecords<String, String> batch = new ConsumerRecords<>(
                Map.of(new TopicPartition(Topics.REFERRALS, 0), one), Map.of());
        List<String> sql = StatementCounter.statements(() -> referrals.consumeAll(batch));
        System.out.println("BENCH statements of one referral (" + sql.size() + "):\n  " + String.join("\n  ", sql));
    }

    record Figures(int statements, long commits, long rows, long millis, List<Object[]> ticketIds) {
    }

    private Figures consumeReferrals(int n) throws Exception {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        List<UUID> referralIds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ReferralCreated r = new ReferralCreated(UUID.randomUUID(), UUID.randomUUID(), "110-BENCH-" + i,
                    "NON_POLICE", CATEGORIES[i % CATEGORIES.length], "NORMAL", TEXTS[i % TEXTS.length] + "，今天又来电",
                    "成都市某街道" + (i % 300) + "号", "510107", null, null, "13812345678", "李四", clock.instant(),
                    null, "calltaker1", clock.instant());
            referralIds.add(r.referralId());
            records.add(record(Topics.REFERRALS, r.callId().toString(), EventTypes.REFERRAL_CREATED, r));
        }
        Figures f = measure(records, referrals::consumeAll);
        @SuppressWarnings("unchecked")
        List<Object[]> made = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select id, ticket_number, version, lead_department_code from ticket where referral_id = any(?1)")
                .setParameter(1, referralIds.toArray(UUID[]::new)).getResultList());
        return new Figures(f.statements(), f.commits(), f.rows(), f.millis(), made);
    }

    private Figures consumeDeliveries(List<Object[]> tickets) throws Exception {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (Object[] t : tickets) {
            UUID id = (UUID) t[0];
            DeliveryOutcome o = new DeliveryOutcome(UUID.randomUUID(), id, (String) t[1], ((Number) t[2]).intValue(),
                    (String) t[3], "WEBHOOK", DeliveryOutcome.DELIVERED, 1, null, null, clock.instant());
            records.add(record(Topics.DELIVERIES, id.toString(), EventTypes.DELIVERY_SUCCEEDED, o));
        }
        return measure(records, deliveries::consumeAll);
    }

    private Figures measure(List<ConsumerRecord<String, String>> records,
                            Consumer<ConsumerRecords<String, String>> consumer) throws Exception {
        long[] before = databaseCounters();
        long start = System.nanoTime();
        int statements = 0;
        for (int from = 0; from < records.size(); from += POLL) {
            List<ConsumerRecord<String, String>> poll = records.subList(from, Math.min(records.size(), from + POLL));
            ConsumerRecords<String, String> batch = new ConsumerRecords<>(
                    Map.of(new TopicPartition(poll.get(0).topic(), 0), poll), Map.of());
            statements += StatementCounter.count(() -> consumer.accept(batch));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        awaitOutboxDrained();
        long[] after = databaseCounters();
        return new Figures(statements, after[0] - before[0], after[1] - before[1], millis, List.of());
    }

    private void awaitOutboxDrained() throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end && QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from outbox_event").getSingleResult()).longValue()) > 0) {
            Thread.sleep(100);
        }
        Thread.sleep(1_500); // each backend reports its counters to pg_stat_database at most once a second
    }

    /** Commits and rows written (inserted + updated + deleted) in this database, by every connection. */
    private long[] databaseCounters() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                select xact_commit, tup_inserted + tup_updated + tup_deleted from pg_stat_database
                where datname = current_database()""").getSingleResult());
        return new long[]{((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    private static long offset = 0;

    private static ConsumerRecord<String, String> record(String topic, String key, String type, Object data)
            throws Exception {
        ConsumerRecord<String, String> r = new ConsumerRecord<>(topic, 0, offset++, key, JSON.writeValueAsString(data));
        header(r, "ce_specversion", "1.0");
        header(r, "ce_id", UUID.randomUUID().toString());
        header(r, "ce_type", type);
        header(r, "ce_source", "/linkage/bench");
        header(r, "content-type", "application/json");
        return r;
    }

    private static void header(ConsumerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
