package org.linkage.stack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.linkage.events.Topics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The whole pipeline's benchmark against a running stack (deploy/run): submits calls through intake at a fixed rate
 * (open loop: a slow answer never delays the next call, and latencies count from the call's scheduled time), and
 * sees each one through without asking any API: the ticket's dispatch and the bridge's delivery outcome are read
 * from Kafka ({@code linkage.tickets}, {@code linkage.deliveries}; the outcome carries the time the department
 * system answered), and "visible on the call as DELIVERED" from intake's database (the status report it stored
 * and the time its consumer committed it). It prints throughput, latency percentiles, lost and duplicated calls,
 * and CPU seconds per process from /proc, and runs a bare loop (one PostgreSQL insert+commit and one Kafka send
 * with acks=all per operation, 8 threads) on the same servers in the same invocation, so a figure taken on a busy
 * machine still compares with one taken on a quiet one.
 *
 * <pre>java -cp "deploy/stack/target/linkage-stack.jar:deploy/stack/target/lib/*" org.linkage.stack.PipelineBench
 *      [--rate 50] [--seconds 30] [--idle-seconds 10] [--bare-seconds 10] [--drain-seconds 60]</pre>
 */
public final class PipelineBench {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CALL_ID = Pattern.compile("\"callId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern TICKET_ID = Pattern.compile("\"ticketId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern DELIVERY_ID = Pattern.compile("\"deliveryId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern AT = Pattern.compile("\"at\"\\s*:\\s*\"([^\"]+)\"");

    /** Non-police matters of several categories and districts, as 110 hands them to 12345 every day. */
    private static final String[][] MATTERS = {
            {"510107", "成都市武侯区玉林北路%d号", "老板拖欠我三个月工资一直不给，第%d次反映"},
            {"510104", "成都市锦江区春熙路%d号", "楼下广场舞音响太吵了，每天晚上十点以后还在放，影响休息，第%d次"},
            {"510105", "成都市青羊区宽窄巷子%d号", "小区停水两天了，物业说是管道坏了一直没人来修，第%d户"},
            {"510106", "成都市金牛区一环路北段%d号", "路边有个大坑，下雨积水，电动车经过很危险，请尽快修补，编号%d"},
            {"510108", "成都市成华区建设路%d号", "楼下烧烤店油烟直接排到我家窗户，多次沟通无果，第%d次"},
    };

    /** What to run and against which servers. */
    public record Settings(String intakeUrl, String tokenUrl, String kafka, String postgresUrl, String postgresUser,
                           String postgresPassword, Path root, double rate, double seconds, double idleSeconds,
                           double bareSeconds, double drainSeconds, int bareThreads, String receivedAt) {

        /** The README's local stack (deploy/run) with its fixed ports. */
        static Settings local(Path root) {
            Map<String, String> env = System.getenv();
            return new Settings(env.getOrDefault("LINKAGE_INTAKE_URL", "http://127.0.0.1:8081"),
                    env.getOrDefault("LINKAGE_OIDC_URL", "http://127.0.0.1:18080/realms/linkage")
                            + "/protocol/openid-connect/token",
                    env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092"),
                    env.getOrDefault("LINKAGE_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:15432/postgres"),
                    env.getOrDefault("LINKAGE_POSTGRES_USER", "postgres"), env.getOrDefault("LINKAGE_POSTGRES_PASSWORD", ""),
                    root, 50, 30, 10, 10, 60, 8, null);
        }

        /** A stack started in this JVM (the end-to-end smoke run). */
        public static Settings of(Stack stack, Path root, double rate, double seconds, double bareSeconds) {
            return new Settings(stack.serviceUrl("intake-service"),
                    stack.keycloak().realmUrl() + "/protocol/openid-connect/token", stack.kafka().bootstrapServers(),
                    stack.postgres().jdbcUrl("postgres"), stack.postgres().user(), stack.postgres().password(), root,
                    rate, seconds, 0, bareSeconds, 60, 8, null);
        }

        /**
         * The same run with every call saying when it was received (ISO offset time) instead of now: on a stack that
         * other tests share, the bench's calls then stay out of the newest-first lists those tests read.
         */
        public Settings receivedAt(String at) {
            return new Settings(intakeUrl, tokenUrl, kafka, postgresUrl, postgresUser, postgresPassword, root, rate,
                    seconds, idleSeconds, bareSeconds, drainSeconds, bareThreads, at);
        }

        String database(String name) {
            return postgresUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/" + name + "$1");
        }
    }

    /** What one run measured. Latencies in milliseconds, sorted. */
    public record Result(int offered, int submitted, int submitErrors, int delivered, int visible, int lost,
                         int duplicated, double loadSeconds, double seconds, List<Double> submitMs,
                         List<Double> deliveredMs, List<Double> visibleMs, Map<String, Double> cpuSeconds,
                         Map<String, Double> idleCpuShare, double bareOpsPerSecond, double bareP50Ms,
                         Map<String, Double> bareCpuSeconds, int bareOps, Map<String, Long> work) {

        public double throughput() {
            return delivered / seconds;
        }

        public double pipelineCpu() {
            return cpuSeconds.entrySet().stream().filter(e -> ProcessCpu.PIPELINE.contains(e.getKey()))
                    .mapToDouble(Map.Entry::getValue).sum();
        }

        public double bareCpu() {
            return bareCpuSeconds.entrySet().stream().filter(e -> ProcessCpu.PIPELINE.contains(e.getKey()))
                    .mapToDouble(Map.Entry::getValue).sum();
        }
    }

    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public PipelineBench(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        // The Kafka clients log their whole configuration at INFO; the report is what a person wants to read.
        java.util.logging.Logger.getLogger("org.apache.kafka").setLevel(java.util.logging.Level.WARNING);
        Path root = Path.of(System.getenv().getOrDefault("LINKAGE_HOME", ".")).toAbsolutePath().normalize();
        Settings s = Settings.local(root);
        Map<String, Double> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), Double.parseDouble(args[i + 1]));
        }
        s = new Settings(s.intakeUrl(), s.tokenUrl(), s.kafka(), s.postgresUrl(), s.postgresUser(), s.postgresPassword(),
                root, a.getOrDefault("rate", s.rate()), a.getOrDefault("seconds", s.seconds()),
                a.getOrDefault("idle-seconds", s.idleSeconds()), a.getOrDefault("bare-seconds", s.bareSeconds()),
                a.getOrDefault("drain-seconds", s.drainSeconds()), a.getOrDefault("bare-threads", 8.0).intValue(), null);
        Result r = new PipelineBench(s).run(System.out::println);
        System.out.println(report(s, r));
        System.exit(r.lost() == 0 && r.duplicated() == 0 ? 0 : 1);
    }

    public Result run(java.util.function.Consumer<String> progress) throws Exception {
        ProcessCpu cpu = new ProcessCpu(settings.root(), settings.kafka(), settings.postgresUrl());
        progress.accept("processes: " + cpu.describe());

        Map<String, Double> idle = new LinkedHashMap<>();
        if (settings.idleSeconds() > 0) {
            progress.accept(String.format("idle: measuring the stack's CPU for %.0f s ...", settings.idleSeconds()));
            Map<String, Double> before = cpu.snapshot();
            long t0 = System.nanoTime();
            Thread.sleep((long) (settings.idleSeconds() * 1000));
            double wall = (System.nanoTime() - t0) / 1e9;
            cpu.since(before).forEach((k, v) -> idle.put(k, v / wall));
        }

        BareLoop bare = new BareLoop();
        if (settings.bareSeconds() > 0) {
            progress.accept(String.format("bare loop: %d threads, PostgreSQL insert+commit and Kafka send acks=all, %.0f s ...",
                    settings.bareThreads(), settings.bareSeconds()));
            Map<String, Double> before = cpu.snapshot();
            bare.run();
            bare.cpu = cpu.since(before);
        }

        String token = token();
        Tracker tracker = new Tracker();
        try (Observer observer = new Observer(tracker)) {
            observer.start();
            progress.accept(String.format("pipeline: %.0f calls/s for %.0f s ...", settings.rate(), settings.seconds()));
            Map<String, Long> workBefore = work();
            Map<String, Double> before = cpu.snapshot();
            long start = System.nanoTime();
            int offered = (int) Math.round(settings.rate() * settings.seconds());
            AtomicInteger errors = new AtomicInteger();
            CountDownLatch answered = new CountDownLatch(offered);
            List<Double> submitMs = Collections.synchronizedList(new ArrayList<>());
            String[] bearer = {token};
            long tokenAt = System.nanoTime();
            long runId = System.currentTimeMillis() % 100000;
            for (int i = 0; i < offered; i++) {
                long due = start + (long) (i * 1e9 / settings.rate());
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (System.nanoTime() - tokenAt > TimeUnit.MINUTES.toNanos(2)) {
                    bearer[0] = token();
                    tokenAt = System.nanoTime();
                }
                String[] m = MATTERS[i % MATTERS.length];
                int n = (int) (runId * 10000 + i);
                String body = "{\"callerPhone\":\"138" + String.format("%08d", Math.floorMod(n * 7919L, 100_000_000L))
                        + "\",\"address\":\"" + String.format(m[1], i + 1) + "\",\"districtCode\":\"" + m[0]
                        + "\",\"content\":\"" + String.format(m[2], n) + "\",\"confirm\":true"
                        + (settings.receivedAt() == null ? "" : ",\"receivedAt\":\"" + settings.receivedAt() + "\"") + "}";
                HttpRequest request = HttpRequest.newBuilder(URI.create(settings.intakeUrl() + "/api/calls"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + bearer[0]).header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                    long now = System.nanoTime();
                    try {
                        if (failure != null || response.statusCode() != 201) {
                            if (errors.incrementAndGet() <= 5) {
                                progress.accept("submit failed: " + (failure != null ? failure
                                        : response.statusCode() + " " + response.body()));
                            }
                            return;
                        }
                        submitMs.add((now - due) / 1e6);
                        Matcher id = ID.matcher(response.body());
                        if (id.find()) {
                            tracker.submitted(id.group(1), due);
                        }
                    } finally {
                        answered.countDown();
                    }
                });
            }
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            answered.await(60, TimeUnit.SECONDS);
            long drainUntil = System.nanoTime() + (long) (settings.drainSeconds() * 1e9);
            while (System.nanoTime() < drainUntil && !tracker.allDone()) {
                Thread.sleep(100);
            }
            double seconds = tracker.lastCompletion(start);
            Map<String, Double> used = cpu.since(before);
            observer.stopNow();
            Thread.sleep(1500); // a late duplicate still counts; PostgreSQL's statistics lag up to a second
            Map<String, Long> workAfter = work();
            Map<String, Long> work = new LinkedHashMap<>();
            workAfter.forEach((k, v) -> work.put(k, v - workBefore.getOrDefault(k, 0L)));
            return tracker.result(offered, errors.get(), loadSeconds, seconds, submitMs, used, idle, bare, work);
        }
    }

    /**
     * The work the servers did, as counters: commits and rows written per service database (pg_stat_database) and
     * records on the linkage topics (their end offsets). Divided by calls they say how much each call costs in kind.
     */
    private Map<String, Long> work() throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(settings.database("postgres"), settings.postgresUser(),
                settings.postgresPassword()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select datname, xact_commit, tup_inserted + tup_updated + tup_deleted"
                     + " from pg_stat_database where datname in ('intake', 'router', 'bridge') order by datname")) {
            while (rs.next()) {
                out.put("PG commits " + rs.getString(1), rs.getLong(2));
                out.put("PG rows written " + rs.getString(1), rs.getLong(3));
            }
        }
        Properties p = new Properties();
        p.putAll(KafkaUsers.named("bench").clientConfig(settings.kafka()));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.ALL) {
                for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(20))) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
            consumer.endOffsets(partitions).forEach((tp, offset) -> out.merge("Kafka records " + tp.topic(), offset, Long::sum));
        } catch (RuntimeException e) {
            // counters are a bonus: a broker that will not list them does not spoil the run
        }
        return out;
    }

    private String token() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "client_id=linkage-console&grant_type=password&username=calltaker1&password=linkage"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no token from " + settings.tokenUrl() + ": " + r.body());
        }
        return m.group(1);
    }

    /** Every call of the run and what became of it. */
    private final class Tracker {
        private final Map<String, Long> submittedAt = new ConcurrentHashMap<>();
        private final Map<String, Set<String>> ticketsOfCall = new ConcurrentHashMap<>();
        private final Map<String, String> callOfTicket = new ConcurrentHashMap<>();
        private final Map<String, Set<String>> deliveriesOfTicket = new ConcurrentHashMap<>();
        /** Outcomes that arrived before their dispatch was read (the two topics are read side by side). */
        private final Map<String, Long> deliveredTicketAt = new ConcurrentHashMap<>();
        private final Map<String, Long> deliveredAt = new ConcurrentHashMap<>();
        private final Map<String, Long> visibleAt = new ConcurrentHashMap<>();
        private final AtomicLong lastCompletionNanos = new AtomicLong();
        /** Wall clock to this JVM's nano clock: the outcome and the database carry wall-clock times. */
        private final long wallOffsetNanos = System.currentTimeMillis() * 1_000_000L - System.nanoTime();

        void submitted(String callId, long dueNanos) {
            submittedAt.put(callId, dueNanos);
        }

        long nanosOf(Instant wall) {
            return wall.getEpochSecond() * 1_000_000_000L + wall.getNano() - wallOffsetNanos;
        }

        void dispatched(String callId, String ticketId) {
            ticketsOfCall.computeIfAbsent(callId, k -> ConcurrentHashMap.newKeySet()).add(ticketId);
            callOfTicket.put(ticketId, callId);
            Long early = deliveredTicketAt.remove(ticketId);
            if (early != null) {
                deliveredAt.putIfAbsent(callId, early);
            }
        }

        void delivered(String ticketId, String deliveryId, Instant at) {
            deliveriesOfTicket.computeIfAbsent(ticketId, k -> ConcurrentHashMap.newKeySet()).add(deliveryId);
            long nanos = nanosOf(at);
            String callId = callOfTicket.get(ticketId);
            if (callId == null) {
                deliveredTicketAt.putIfAbsent(ticketId, nanos);
            } else {
                deliveredAt.putIfAbsent(callId, nanos);
            }
            lastCompletionNanos.accumulateAndGet(nanos, Math::max);
        }

        void visible(String callId, Instant at) {
            long nanos = nanosOf(at);
            visibleAt.putIfAbsent(callId, nanos);
            lastCompletionNanos.accumulateAndGet(nanos, Math::max);
        }

        /** Submitted calls without a DELIVERED report seen yet. */
        java.util.Set<String> notYetVisible() {
            java.util.Set<String> out = new java.util.HashSet<>(submittedAt.keySet());
            out.removeAll(visibleAt.keySet());
            return out;
        }

        boolean allDone() {
            return !submittedAt.isEmpty() && submittedAt.keySet().stream()
                    .allMatch(id -> deliveredAt.containsKey(id) && visibleAt.containsKey(id));
        }

        double lastCompletion(long start) {
            return Math.max(1e-3, (Math.max(lastCompletionNanos.get(), start) - start) / 1e9);
        }

        Result result(int offered, int errors, double loadSeconds, double seconds, List<Double> submitMs,
                      Map<String, Double> cpu, Map<String, Double> idle, BareLoop bare, Map<String, Long> work) {
            List<Double> delivered = new ArrayList<>();
            List<Double> visible = new ArrayList<>();
            int lost = 0;
            int duplicated = 0;
            for (Map.Entry<String, Long> call : submittedAt.entrySet()) {
                Long d = deliveredAt.get(call.getKey());
                Long v = visibleAt.get(call.getKey());
                if (d != null) {
                    delivered.add((d - call.getValue()) / 1e6);
                }
                if (v != null) {
                    visible.add((v - call.getValue()) / 1e6);
                }
                if (d == null || v == null) {
                    lost++;
                }
                Set<String> tickets = ticketsOfCall.getOrDefault(call.getKey(), Set.of());
                boolean twice = tickets.size() > 1 || tickets.stream()
                        .anyMatch(t -> deliveriesOfTicket.getOrDefault(t, Set.of()).size() > 1);
                if (twice) {
                    duplicated++;
                }
            }
            List<Double> submits = new ArrayList<>(submitMs);
            Collections.sort(submits);
            Collections.sort(delivered);
            Collections.sort(visible);
            return new Result(offered, submittedAt.size(), errors, delivered.size(), visible.size(), lost + errors,
                    duplicated, loadSeconds, seconds, submits, delivered, visible, cpu, idle, bare.opsPerSecond(),
                    bare.p50Ms(), bare.cpu, bare.ops.get(), work);
        }
    }

    /**
     * Sees calls through without the API: a Kafka consumer on the ticket and delivery topics (assigned to every
     * partition at its end before the first call, so it reads only this run) and a read of intake's status reports.
     */
    private final class Observer implements AutoCloseable {
        private final Tracker tracker;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private final CountDownLatch assigned = new CountDownLatch(1);

        Observer(Tracker tracker) {
            this.tracker = tracker;
        }

        void start() throws Exception {
            threads.add(new Thread(this::readTopics, "bench-kafka"));
            threads.add(new Thread(this::readReports, "bench-intake-db"));
            threads.forEach(t -> {
                t.setDaemon(true);
                t.start();
            });
            if (!assigned.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the bench's Kafka consumer did not get its partitions");
            }
        }

        private void readTopics() {
            Properties p = new Properties();
            p.putAll(KafkaUsers.named("bench").clientConfig(settings.kafka()));
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : List.of(Topics.TICKETS, Topics.DELIVERIES)) {
                    for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(20))) {
                        partitions.add(new TopicPartition(topic, info.partition()));
                    }
                }
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);   // fixes the positions now, before the first call
                assigned.countDown();
                while (running.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        String type = header(r, "ce_type");
                        String v = r.value() == null ? "" : r.value();
                        if (type != null && type.contains(".ticket.dispatched.")) {
                            String call = find(CALL_ID, v);
                            String ticket = find(TICKET_ID, v);
                            if (call != null && ticket != null) {
                                tracker.dispatched(call, ticket);
                            }
                        } else if (Topics.DELIVERIES.equals(r.topic()) && "DELIVERED".equals(find(STATUS, v))) {
                            String at = find(AT, v);
                            tracker.delivered(find(TICKET_ID, v), find(DELIVERY_ID, v),
                                    at == null ? Instant.ofEpochMilli(r.timestamp()) : Instant.parse(at));
                        }
                    }
                }
            } catch (RuntimeException e) {
                System.err.println("bench Kafka consumer stopped: " + e);
                assigned.countDown();
            }
        }

        /**
         * The time intake's consumer stored a DELIVERED report on the call, from its inbox record. Asked by call, for
         * the submitted calls not yet seen on the call ({@link StatusReports}: report ids are not in commit order).
         */
        private void readReports() {
            try (Connection c = DriverManager.getConnection(settings.database("intake"), settings.postgresUser(),
                    settings.postgresPassword())) {
                while (running.get()) {
                    StatusReports.of(c, tracker.notYetVisible()).forEach((call, reports) -> {
                        if (reports.delivered()) {
                            tracker.visible(call, reports.firstDelivered());
                        }
                    });
                    Thread.sleep(200);
                }
            } catch (SQLException | InterruptedException e) {
                if (running.get()) {
                    System.err.println("bench intake reader stopped: " + e);
                }
            }
        }

        void stopNow() {
            running.set(false);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(5000);
            }
        }
    }

    /** One PostgreSQL insert+commit and one Kafka send with acks=all per operation: this machine's floor. */
    private final class BareLoop {
        final AtomicInteger ops = new AtomicInteger();
        final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<String, Double> cpu = Map.of();
        double seconds = 1;

        void run() throws Exception {
            try (Connection c = DriverManager.getConnection(settings.database("postgres"), settings.postgresUser(),
                    settings.postgresPassword()); Statement st = c.createStatement()) {
                st.execute("create table if not exists bench_bare_loop (id bigserial primary key, at timestamptz not null"
                        + " default now(), payload text not null)");
                st.execute("truncate bench_bare_loop");
            }
            Properties p = new Properties();
            p.putAll(KafkaUsers.named("bench").clientConfig(settings.kafka()));
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            String payload = "{\"callId\":\"" + UUID.randomUUID() + "\",\"content\":\"老板拖欠我三个月工资一直不给\"}";
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
                producer.send(new ProducerRecord<>(KafkaUsers.BENCH_TOPIC, "warm", payload)).get();
                long until = System.nanoTime() + (long) (settings.bareSeconds() * 1e9);
                long start = System.nanoTime();
                List<Thread> workers = new ArrayList<>();
                for (int t = 0; t < settings.bareThreads(); t++) {
                    Thread w = new Thread(() -> {
                        try (Connection c = DriverManager.getConnection(settings.database("postgres"),
                                settings.postgresUser(), settings.postgresPassword());
                             PreparedStatement insert = c.prepareStatement("insert into bench_bare_loop (payload) values (?)")) {
                            c.setAutoCommit(false);
                            while (System.nanoTime() < until) {
                                long t0 = System.nanoTime();
                                insert.setString(1, payload);
                                insert.executeUpdate();
                                c.commit();
                                producer.send(new ProducerRecord<>(KafkaUsers.BENCH_TOPIC, UUID.randomUUID().toString(),
                                        payload)).get();
                                latencies.add((System.nanoTime() - t0) / 1e6);
                                ops.incrementAndGet();
                            }
                        } catch (Exception e) {
                            System.err.println("bare loop worker stopped: " + e);
                        }
                    }, "bench-bare-" + t);
                    w.start();
                    workers.add(w);
                }
                for (Thread w : workers) {
                    w.join();
                }
                seconds = (System.nanoTime() - start) / 1e9;
            }
        }

        double opsPerSecond() {
            return ops.get() / seconds;
        }

        double p50Ms() {
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return pct(sorted, 0.5);
        }
    }

    /**
     * CPU seconds of the stack's processes from /proc/PID/stat (user+system, and for PostgreSQL also the children its
     * postmaster has reaped, so backends that ended during the run still count). Only this checkout's processes: the
     * machine may run other stacks.
     */
    static final class ProcessCpu {
        static final Set<String> PIPELINE = Set.of("intake-service", "router-service", "hotline-bridge", "kafka", "postgresql");
        private static final double TICKS = 100.0;   // USER_HZ, 100 on Linux
        private final Path root;
        private final String kafkaPort;
        private final String postgresPort;

        ProcessCpu(Path root, String kafka, String postgresUrl) {
            this.root = root;
            this.kafkaPort = kafka.replaceFirst(".*:", "");
            Matcher m = Pattern.compile("//[^/:]+:(\\d+)/").matcher(postgresUrl);
            this.postgresPort = m.find() ? m.group(1) : "5432";
        }

        /** group → pids, found afresh on each snapshot. */
        Map<String, List<Long>> processes() {
            Map<String, List<Long>> groups = new LinkedHashMap<>();
            Map<Long, Long> parents = new HashMap<>();
            Map<Long, String> commands = new HashMap<>();
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        long pid = Long.parseLong(dir.getFileName().toString());
                        String cmd = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                        commands.put(pid, cmd);
                        parents.put(pid, Long.parseLong(stat(pid)[3]));
                    } catch (IOException | RuntimeException gone) {
                        // ended while we looked
                    }
                }
            } catch (IOException e) {
                return groups;
            }
            long self = ProcessHandle.current().pid();
            for (Map.Entry<Long, String> e : commands.entrySet()) {
                String cmd = e.getValue();
                String group = null;
                for (String s : Stack.SERVICES) {
                    if (cmd.contains(root.resolve(s).resolve("target/quarkus-app").toString())) {
                        group = s;
                    }
                }
                if (group == null && cmd.contains("kafka.Kafka ") && serverPropertiesHasPort(cmd)) {
                    group = "kafka";
                } else if (group == null && cmd.contains("org.linkage.stack.Stack")
                        && cwdIs(e.getKey(), root)) {
                    group = "stack (department stand-in)";
                } else if (group == null && cmd.contains("keycloak") && cmd.contains(root.toString())) {
                    group = "keycloak";
                } else if (group == null && e.getKey() == self) {
                    group = "bench client";
                }
                if (group != null) {
                    groups.computeIfAbsent(group, k -> new ArrayList<>()).add(e.getKey());
                }
            }
            // PostgreSQL: the postmaster listening on our port, and its children.
            for (Map.Entry<Long, String> e : commands.entrySet()) {
                String cmd = e.getValue();
                if (cmd.contains("postgres") && cmd.contains("-D ") && cmd.matches(".*-p\\s+" + postgresPort + "(\\s.*|$)")) {
                    List<Long> pg = new ArrayList<>();
                    pg.add(-e.getKey());   // negative: count its reaped children too
                    parents.forEach((child, parent) -> {
                        if (parent.equals(e.getKey())) {
                            pg.add(child);
                        }
                    });
                    groups.put("postgresql", pg);
                }
            }
            return groups;
        }

        private boolean serverPropertiesHasPort(String cmd) {
            String[] parts = cmd.trim().split(" ");
            try {
                return Files.readString(Path.of(parts[parts.length - 1])).contains("127.0.0.1:" + kafkaPort + ",");
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }

        private static boolean cwdIs(long pid, Path root) {
            try {
                return Files.readSymbolicLink(Path.of("/proc/" + pid + "/cwd")).equals(root);
            } catch (IOException e) {
                return false;
            }
        }

        String describe() {
            return processes().entrySet().stream().map(e -> e.getKey() + " " + e.getValue().stream()
                    .map(p -> String.valueOf(Math.abs(p))).limit(3).collect(Collectors.joining(",")))
                    .collect(Collectors.joining("; "));
        }

        /** group → cumulative CPU seconds; per pid, so a process that ended since does not subtract. */
        Map<String, Double> snapshot() {
            Map<String, Double> perPid = new HashMap<>();
            Map<String, List<Long>> groups = processes();
            Map<String, Double> out = new LinkedHashMap<>();
            groups.forEach((group, pids) -> {
                for (long p : pids) {
                    try {
                        String[] f = stat(Math.abs(p));
                        double t = Long.parseLong(f[13]) + Long.parseLong(f[14]);
                        if (p < 0) {
                            t += Long.parseLong(f[15]) + Long.parseLong(f[16]);
                        }
                        out.put(group + "#" + Math.abs(p), t / TICKS);
                    } catch (IOException | RuntimeException gone) {
                        // ended
                    }
                }
            });
            perPid.putAll(out);
            return perPid;
        }

        /** CPU seconds per group since {@code before}; processes started since count from zero. */
        Map<String, Double> since(Map<String, Double> before) {
            Map<String, Double> now = snapshot();
            Map<String, Double> used = new LinkedHashMap<>();
            now.forEach((key, value) -> {
                String group = key.substring(0, key.lastIndexOf('#'));
                used.merge(group, value - before.getOrDefault(key, 0.0), Double::sum);
            });
            return used;
        }

        /** The fields of /proc/PID/stat, with the command name (which may hold spaces) as field 1. */
        private static String[] stat(long pid) throws IOException {
            String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
            int close = s.lastIndexOf(')');
            String[] rest = s.substring(close + 2).split(" ");
            String[] out = new String[rest.length + 2];
            out[0] = s.substring(0, s.indexOf(' '));
            out[1] = s.substring(s.indexOf('(') + 1, close);
            System.arraycopy(rest, 0, out, 2, rest.length);
            return out;
        }
    }

    public static String report(Settings s, Result r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%n== pipeline: %.0f calls/s offered for %.0f s ==%n", s.rate(), s.seconds()));
        out.append(String.format("calls: offered %d, accepted %d, submit errors %d, delivered %d, visible on the call %d, "
                + "LOST %d, DUPLICATED %d%n", r.offered(), r.submitted(), r.submitErrors(), r.delivered(), r.visible(),
                r.lost(), r.duplicated()));
        out.append(String.format("throughput: %.1f calls/s delivered end to end (last completion %.1f s after the first "
                + "call; offering took %.1f s)%n", r.throughput(), r.seconds(), r.loadSeconds()));
        out.append(line("submit (HTTP 201)", r.submitMs()));
        out.append(line("submit -> delivered to the department", r.deliveredMs()));
        out.append(line("submit -> visible on the call as DELIVERED", r.visibleMs()));
        int calls = Math.max(1, r.delivered());
        out.append(String.format("CPU during the run, per delivered call (ms): total pipeline %.1f  [", 1000 * r.pipelineCpu() / calls));
        out.append(r.cpuSeconds().entrySet().stream().map(e -> String.format("%s %.2f", e.getKey(), 1000 * e.getValue() / calls))
                .collect(Collectors.joining(", "))).append("]\n");
        if (!r.work().isEmpty()) {
            out.append("work per delivered call: ").append(r.work().entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> String.format("%s %.1f", e.getKey(), e.getValue() / (double) calls))
                    .collect(Collectors.joining(", "))).append('\n');
        }
        if (!r.idleCpuShare().isEmpty()) {
            double idle = r.idleCpuShare().entrySet().stream().filter(e -> ProcessCpu.PIPELINE.contains(e.getKey()))
                    .mapToDouble(Map.Entry::getValue).sum();
            double all = r.idleCpuShare().entrySet().stream().filter(e -> !e.getKey().equals("bench client"))
                    .mapToDouble(Map.Entry::getValue).sum();
            out.append(String.format("idle CPU before the run, %% of one core: pipeline %.1f %%, whole stack %.1f %%  [", 100 * idle, 100 * all));
            out.append(r.idleCpuShare().entrySet().stream().map(e -> String.format("%s %.1f", e.getKey(), 100 * e.getValue()))
                    .collect(Collectors.joining(", "))).append("]\n");
        }
        if (r.bareOps() > 0) {
            double bareCpuMs = 1000 * r.bareCpu() / r.bareOps();
            out.append(String.format("bare loop (%d threads: PG insert+commit, Kafka send acks=all): %.0f ops/s, p50 %.1f ms, "
                    + "CPU %.2f ms/op (PostgreSQL+Kafka)%n", s.bareThreads(), r.bareOpsPerSecond(), r.bareP50Ms(), bareCpuMs));
            out.append(String.format("ratio pipeline / bare loop: throughput %.3f (%.1f / %.0f), CPU per call %.1f x a bare op%n",
                    r.throughput() / r.bareOpsPerSecond(), r.throughput(), r.bareOpsPerSecond(),
                    (1000 * r.pipelineCpu() / calls) / Math.max(1e-6, bareCpuMs)));
        }
        return out.toString();
    }

    private static String line(String what, List<Double> ms) {
        return String.format("%-45s n=%-6d p50 %8.1f  p95 %8.1f  p99 %8.1f  max %8.1f ms%n", what, ms.size(),
                pct(ms, 0.50), pct(ms, 0.95), pct(ms, 0.99), ms.isEmpty() ? -1 : ms.get(ms.size() - 1));
    }

    static double pct(List<Double> sorted, double q) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)));
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String find(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : null;
    }
}
