package org.linkage.stack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Faults under load, then a count. Calls go into intake at a fixed rate, each retried with its own Idempotency-Key
 * until accepted (as a call-taker's console would), while the suite restarts PostgreSQL, kills router-service with
 * SIGKILL and starts it again, makes the department systems answer 503 for longer than the bridge's breaker
 * window, and restarts the Kafka broker. Afterwards it counts, for the calls of this run only: calls accepted,
 * referrals, tickets, deliveries (in the bridge's outcomes and at the department), status reports on the calls, and
 * records on the dead-letter topics; a loss or a duplicate in effect (two calls for one key, two tickets for a call,
 * two deliveries of a ticket to one department, a dead letter) fails the run.
 *
 * <p>The long version starts its own stack on free ports in a throw-away folder, so it never touches a running one:
 * <pre>java -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
 *      -cp "deploy/stack/target/linkage-stack.jar:deploy/stack/target/lib/*" org.linkage.stack.FaultSuite
 *      [--rate 20] [--hold-seconds 30] [--rounds 3] [--drain-seconds 600] [--replicas 1]</pre>
 * With {@code --replicas 1} it runs {@link #runWithReplicas()} instead of the rounds: two instances of each service,
 * one of each killed with SIGKILL mid-load, and the supervision ladder counted afterwards.
 */
public final class FaultSuite {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CALL_ID = Pattern.compile("\"callId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern TICKET_ID = Pattern.compile("\"ticketId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern DELIVERY_ID = Pattern.compile("\"deliveryId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final String[][] MATTERS = {
            {"510107", "成都市武侯区玉林北路%d号", "老板拖欠我三个月工资一直不给，第%d次反映"},
            {"510104", "成都市锦江区春熙路%d号", "楼下广场舞音响太吵了，每天晚上十点以后还在放，影响休息，第%d次"},
            {"510106", "成都市金牛区一环路北段%d号", "路边有个大坑，下雨积水，电动车经过很危险，请尽快修补，编号%d"},
    };

    /**
     * Delivery settings for the bridge of a fault run: the breaker opens after 3 failures and stays open 3 s, and
     * retries come within seconds and never run out during an outage of a minute, so a run recovers in minutes
     * rather than the production back-off's half hour. The outage is still longer than the breaker window.
     */
    public static final Map<String, String> BRIDGE_ENV = Map.of(
            "LINKAGE_BRIDGE_DELIVERY_POLL_INTERVAL", "1s",
            "LINKAGE_BRIDGE_DELIVERY_START_DELAY", "0s",
            "LINKAGE_BRIDGE_DELIVERY_BASE_DELAY", "0.5s",
            "LINKAGE_BRIDGE_DELIVERY_MAX_DELAY", "3s",
            "LINKAGE_BRIDGE_DELIVERY_MAX_ATTEMPTS", "200",
            "LINKAGE_BRIDGE_DELIVERY_BREAKER_THRESHOLD", "3",
            "LINKAGE_BRIDGE_DELIVERY_BREAKER_COOLDOWN", "3s");
    public static final Duration BREAKER_WINDOW = Duration.ofSeconds(3);

    /**
     * Router settings for a replica run: a one-minute sign-for limit and the ladder's later steps a minute apart,
     * checked every 2 s, so every ticket of the run climbs the whole ladder (预警 → 催办 → 督办 → 挂牌督办) within
     * about three minutes while two routers run it.
     */
    public static final Map<String, String> LADDER_ENV = Map.of(
            "LINKAGE_ROUTER_URGENCY_NORMAL_SIGN", "1M",
            "LINKAGE_ROUTER_URGENCY_URGENT_SIGN", "1M",
            "LINKAGE_ROUTER_URGENCY_EXTRA_URGENT_SIGN", "1M",
            "LINKAGE_ROUTER_SUPERVISION_INTERVAL", "2s",
            "LINKAGE_ROUTER_SUPERVISION_SUPERVISE_AFTER", "1M",
            "LINKAGE_ROUTER_SUPERVISION_LISTED_AFTER", "2M");

    /**
     * The supervision ladder over one run's tickets: how many tickets took each step, how many reached the last one,
     * and how many steps were taken twice for one ticket and deadline (in the step table and in the ticket's history,
     * which is what a supervisor and 110 see).
     */
    public record LadderCount(int tickets, Map<String, Integer> steps, int finished, int stepsTwice, int historyTwice) {
        public boolean clean() {
            return finished == tickets && stepsTwice == 0 && historyTwice == 0;
        }
    }
    public static final int BREAKER_THRESHOLD = 3;

    /**
     * @param rate        calls offered per second
     * @param holdSeconds how long each fault lasts (the department's outage, the gap between kill and start) and the
     *                    load between two faults
     * @param rounds      how often the whole sequence of four faults runs
     */
    public record Settings(double rate, double holdSeconds, int rounds, double drainSeconds, String killed) {
    }

    /** What the run counted, for this run's calls only. */
    public record Result(int offered, int accepted, int retried, int keysWithTwoCalls, int referred, int ticketed,
                         int ticketsTwice, int tickets, int delivered, int deliveredTwice, int atDepartment,
                         int departmentTwice, int refusedByDepartment, int visible, int statusReports,
                         long deadLetters, int complete, List<String> faults) {

        /** Calls never accepted, and accepted calls without a ticket, a delivery of it, or DELIVERED on the call. */
        public int lost() {
            return offered - complete;
        }

        public int duplicated() {
            return keysWithTwoCalls + ticketsTwice + deliveredTwice + departmentTwice;
        }

        public boolean clean() {
            return lost() == 0 && duplicated() == 0 && deadLetters == 0;
        }
    }

    private final Stack stack;
    private final Settings settings;
    private final Consumer<String> say;
    private volatile Set<String> lastTickets = Set.of();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public FaultSuite(Stack stack, Settings settings, Consumer<String> progress) {
        this.stack = stack;
        this.settings = settings;
        long t0 = System.nanoTime();
        this.say = m -> progress.accept(String.format("[fault %6.1fs] %s", (System.nanoTime() - t0) / 1e9, m));
    }

    /** The faults in rounds (see the class comment), then the count. */
    public Result run() throws Exception {
        return run(this::faultRounds);
    }

    /**
     * Two instances of each of intake, router and bridge, the load spread over both intakes; mid-load one instance of
     * each is killed with SIGKILL at the same moment, and after a hold started again, so that afterwards two routers
     * run the supervision ladder side by side. Then the count, as {@link #run()} does; {@link #supervision} counts the
     * ladder's steps of this run's tickets.
     */
    public Result runWithReplicas() throws Exception {
        for (String name : REPLICATED) {
            say.accept("starting a second " + name + " ...");
            say.accept("second " + name + " ready at " + stack.startReplica(name, Duration.ofSeconds(600)));
        }
        return run(faults -> fault(faults, "one instance each of " + String.join(", ", REPLICATED)
                + " killed (SIGKILL) at once, started again after the hold", () -> {
            for (String name : REPLICATED) {
                stack.killService(name);
            }
            hold();
            for (String name : REPLICATED) {
                stack.startService(name, Duration.ofSeconds(600));
            }
            hold(); // both instances of each take load again
        }));
    }

    /** The services that run as two instances in {@link #runWithReplicas()}; the console holds no state. */
    public static final List<String> REPLICATED = List.of("intake-service", "router-service", "hotline-bridge");

    /**
     * Waits up to {@code wait} until every ticket of the last run has taken the ladder's last step, then counts the
     * steps (see {@link LadderCount}). Meaningful when the router runs with {@link #LADDER_ENV}.
     */
    public LadderCount supervision(Duration wait) throws Exception {
        String[] ids = lastTickets.toArray(String[]::new);
        PostgresServer pg = stack.postgres();
        long until = System.nanoTime() + wait.toNanos();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("router"), pg.user(), pg.password())) {
            java.sql.Array tickets = c.createArrayOf("varchar", ids);
            int finished;
            while (true) {
                finished = count(c, "select count(distinct ticket_id) from supervision_step"
                        + " where not manual and step = 'LISTED' and ticket_id = any(?::uuid[])", tickets);
                if (finished >= ids.length || System.nanoTime() > until) {
                    break;
                }
                say.accept("supervision: " + finished + " of " + ids.length + " tickets at 挂牌督办 so far ...");
                Thread.sleep(5000);
            }
            Map<String, Integer> steps = new java.util.LinkedHashMap<>();
            try (PreparedStatement st = c.prepareStatement("select step, count(*) from supervision_step"
                    + " where not manual and ticket_id = any(?::uuid[]) group by step order by min(id)")) {
                st.setArray(1, tickets);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        steps.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            int stepsTwice = count(c, "select count(*) from (select 1 from supervision_step where not manual"
                    + " and ticket_id = any(?::uuid[]) group by ticket_id, deadline, step having count(*) > 1) twice", tickets);
            int historyTwice = count(c, "select count(*) from (select 1 from ticket_history where action like 'SUPERVISION%'"
                    + " and ticket_id = any(?::uuid[]) group by ticket_id, action having count(*) > 1) twice", tickets);
            return new LadderCount(ids.length, steps, finished, stepsTwice, historyTwice);
        }
    }

    private static int count(Connection c, String sql, java.sql.Array tickets) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setArray(1, tickets);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public static String report(LadderCount l) {
        return String.format("supervision ladder: %d tickets, steps %s, %d at 挂牌督办; steps twice %d, history entries twice %d -> %s%n",
                l.tickets(), l.steps(), l.finished(), l.stepsTwice(), l.historyTwice(), l.clean() ? "PASS" : "FAIL");
    }

    private interface Plan {
        void faults(List<String> faults) throws Exception;
    }

    private void faultRounds(List<String> faults) throws Exception {
        for (int round = 1; round <= settings.rounds(); round++) {
            fault(faults, "PostgreSQL restarted (fast shutdown, start)", stack::restartPostgres);
            hold();
            double outage = Math.max(settings.holdSeconds(), 2.5 * BREAKER_WINDOW.toSeconds());
            fault(faults, String.format("department systems answer 503 for at least %.1f s (breaker window %d s)",
                    outage, BREAKER_WINDOW.toSeconds()), () -> {
                int before = stack.inbox().refused();
                stack.inbox().unavailable(true);
                try {
                    sleep(outage);
                    // an outage nobody met proves nothing: it lasts until enough attempts failed to open the breaker
                    long cap = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                    while (stack.inbox().refused() - before < BREAKER_THRESHOLD + 1 && System.nanoTime() < cap) {
                        Thread.sleep(200);
                    }
                } finally {
                    stack.inbox().unavailable(false);
                }
            });
            hold();
            fault(faults, settings.killed() + " killed (SIGKILL), started again", () -> {
                stack.killService(settings.killed());
                hold();
                stack.startService(settings.killed(), Duration.ofSeconds(300));
            });
            hold();
            fault(faults, "Kafka broker restarted", stack::restartKafka);
            hold();
        }
    }

    private Result run(Plan plan) throws Exception {
        Map<TopicPartition, Long> deadBefore = deadLetterOffsets();
        Load load = new Load();
        Observer observer = new Observer(load::callIds);
        observer.start();
        List<String> faults = new ArrayList<>();
        try {
            load.start();
            hold();
            plan.faults(faults);
        } finally {
            stack.inbox().unavailable(false);
            load.stop();
        }
        say.accept("load stopped; " + load.accepted.size() + " of " + load.offered.get() + " calls accepted so far;"
                + " waiting for every call to be accepted, ticketed, delivered and visible ...");
        long until = System.nanoTime() + (long) (settings.drainSeconds() * 1e9);
        long lastSay = System.nanoTime();
        while (System.nanoTime() < until && !(load.settled() && observer.allDone(load.callIds()))) {
            if (System.nanoTime() - lastSay > 15e9) {
                say.accept("still waiting: " + observer.describe(load.callIds()));
                lastSay = System.nanoTime();
            }
            Thread.sleep(250);
        }
        load.close();
        Thread.sleep(2000); // a late duplicate still counts
        observer.close();
        observer.recount();
        long dead = 0;
        for (Map.Entry<TopicPartition, Long> e : deadLetterOffsets().entrySet()) {
            dead += e.getValue() - deadBefore.getOrDefault(e.getKey(), 0L);
        }
        return observer.result(load, dead, faults);
    }

    private interface Fault {
        void inject() throws Exception;
    }

    private void fault(List<String> faults, String what, Fault f) throws Exception {
        long t0 = System.nanoTime();
        say.accept("fault: " + what + " ...");
        f.inject();
        String done = String.format("%s (%.1f s)", what, (System.nanoTime() - t0) / 1e9);
        faults.add(done);
        say.accept("fault over: " + done);
    }

    private void hold() {
        sleep(settings.holdSeconds());
    }

    private static void sleep(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The end offsets of every dead-letter topic (bridge and router DLQs, SmallRye's dead-letter-topic-*). */
    private Map<TopicPartition, Long> deadLetterOffsets() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            Map<String, Object> config = stack.kafka().client("bench");
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20000);
            try (Admin admin = Admin.create(config)) {
                Set<String> dead = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                        .filter(t -> t.startsWith("dead-letter-topic") || t.endsWith(".dlq")).collect(Collectors.toSet());
                Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
                for (TopicDescription d : admin.describeTopics(dead).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
                    d.partitions().forEach(p -> ask.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
                }
                Map<TopicPartition, Long> out = new HashMap<>();
                admin.listOffsets(ask).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> out.put(tp, info.offset()));
                return out;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
    }

    private String token() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.keycloak().realmUrl()
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "client_id=linkage-console&grant_type=password&username=calltaker1&password=linkage"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no token from Keycloak: " + r.body());
        }
        return m.group(1);
    }

    /** Offers calls at a fixed rate; each one is retried with its own key until intake accepts it. */
    private final class Load {
        final AtomicInteger offered = new AtomicInteger();
        final AtomicInteger retried = new AtomicInteger();
        final AtomicInteger pending = new AtomicInteger();
        /** Idempotency-Key → the call ids intake answered with (one, unless a retry made a second call). */
        final Map<String, Set<String>> accepted = new ConcurrentHashMap<>();
        private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(8);
        private final AtomicBoolean running = new AtomicBoolean(true);
        private volatile String bearer;
        private volatile long tokenAt;
        private final long runId = System.currentTimeMillis() % 100000;
        private Thread ticker;

        void start() throws Exception {
            bearer = token();
            tokenAt = System.nanoTime();
            ticker = new Thread(() -> {
                long start = System.nanoTime();
                for (int i = 0; running.get(); i++) {
                    long due = start + (long) (i * 1e9 / settings.rate());
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        try {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    if (!running.get()) {
                        return;
                    }
                    offered.incrementAndGet();
                    pending.incrementAndGet();
                    int n = i;
                    String key = UUID.randomUUID().toString();
                    pool.execute(() -> submit(n, key, 0, System.nanoTime() + TimeUnit.SECONDS.toNanos(600)));
                }
            }, "fault-load");
            ticker.start();
        }

        /** Attempt {@code attempt} of call {@code i}; with several intakes the next attempt goes to the next one. */
        private void submit(int i, String key, int attempt, long giveUpAt) {
            String[] m = MATTERS[i % MATTERS.length];
            int n = (int) (runId * 10000 + i);
            String body = "{\"callerPhone\":\"139" + String.format("%08d", Math.floorMod(n * 7919L, 100_000_000L))
                    + "\",\"address\":\"" + String.format(m[1], i + 1) + "\",\"districtCode\":\"" + m[0]
                    + "\",\"content\":\"" + String.format(m[2], n) + "\",\"confirm\":true}";
            try {
                if (System.nanoTime() - tokenAt > TimeUnit.SECONDS.toNanos(60)) {
                    synchronized (this) {
                        if (System.nanoTime() - tokenAt > TimeUnit.SECONDS.toNanos(60)) {
                            bearer = token();
                            tokenAt = System.nanoTime();
                        }
                    }
                }
                List<String> intakes = stack.serviceUrls("intake-service");
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(intakes.get((i + attempt) % intakes.size())
                                + "/api/calls")).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                        .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher id = ID.matcher(r.body());
                if ((r.statusCode() == 201 || r.statusCode() == 200) && id.find()) {
                    accepted.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(id.group(1));
                    pending.decrementAndGet();
                    return;
                }
            } catch (IOException | RuntimeException e) {
                // down or cut off mid-answer: the same key again, as a console would
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pending.decrementAndGet();
                return;
            }
            if (System.nanoTime() > giveUpAt || pool.isShutdown()) {
                pending.decrementAndGet();
                return;
            }
            retried.incrementAndGet();
            pool.schedule(() -> submit(i, key, attempt + 1, giveUpAt), 1, TimeUnit.SECONDS);
        }

        void stop() throws InterruptedException {
            running.set(false);
            ticker.interrupt();
            ticker.join(5000);
        }

        boolean settled() {
            return pending.get() == 0;
        }

        Set<String> callIds() {
            return accepted.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        }

        void close() {
            pool.shutdownNow();
        }
    }

    /** Reads the run's referrals, tickets and outcomes from Kafka, and the status reports from intake's database. */
    private final class Observer implements AutoCloseable {
        final Map<String, Set<String>> referralsOfCall = new ConcurrentHashMap<>();
        final Map<String, Set<String>> ticketsOfCall = new ConcurrentHashMap<>();
        final Map<String, Set<String>> deliveredOfTicket = new ConcurrentHashMap<>();
        final Map<String, Integer> reportsOfCall = new ConcurrentHashMap<>();
        final Set<String> visible = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final CountDownLatch assigned = new CountDownLatch(1);
        private final List<Thread> threads = new ArrayList<>();
        /** The calls of the run so far (the load's accepted calls), whose reports are read. */
        private final java.util.function.Supplier<Set<String>> calls;

        Observer(java.util.function.Supplier<Set<String>> calls) {
            this.calls = calls;
        }

        void start() throws Exception {
            threads.add(new Thread(this::readTopics, "fault-kafka"));
            threads.add(new Thread(this::readReports, "fault-intake-db"));
            threads.forEach(t -> {
                t.setDaemon(true);
                t.start();
            });
            if (!assigned.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the suite's Kafka consumer did not get its partitions");
            }
        }

        private Connection intake() throws SQLException {
            PostgresServer pg = stack.postgres();
            return DriverManager.getConnection(pg.jdbcUrl("intake"), pg.user(), pg.password());
        }

        private void readTopics() {
            Properties p = new Properties();
            p.putAll(stack.kafka().client("bench"));
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : List.of(Topics.REFERRALS, Topics.TICKETS, Topics.DELIVERIES)) {
                    for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                        partitions.add(new TopicPartition(topic, info.partition()));
                    }
                }
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                assigned.countDown();
                while (running.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        String type = header(r, "ce_type");
                        String v = r.value() == null ? "" : r.value();
                        String id = header(r, "ce_id");
                        if (Topics.REFERRALS.equals(r.topic())) {
                            String call = find(CALL_ID, v);
                            if (call != null) {
                                referralsOfCall.computeIfAbsent(call, k -> ConcurrentHashMap.newKeySet())
                                        .add(id == null ? r.partition() + "@" + r.offset() : id);
                            }
                        } else if (type != null && type.contains(".ticket.dispatched.")) {
                            String call = find(CALL_ID, v);
                            String ticket = find(TICKET_ID, v);
                            if (call != null && ticket != null) {
                                ticketsOfCall.computeIfAbsent(call, k -> ConcurrentHashMap.newKeySet()).add(ticket);
                            }
                        } else if (Topics.DELIVERIES.equals(r.topic()) && "DELIVERED".equals(find(STATUS, v))) {
                            String ticket = find(TICKET_ID, v);
                            if (ticket != null) {
                                deliveredOfTicket.computeIfAbsent(ticket, k -> ConcurrentHashMap.newKeySet())
                                        .add(String.valueOf(find(DELIVERY_ID, v)));
                            }
                        }
                    }
                }
            } catch (RuntimeException e) {
                System.err.println("fault suite Kafka consumer stopped: " + e);
                assigned.countDown();
            }
        }

        /**
         * Every status report stored on the run's calls, and whether one says DELIVERED; survives PostgreSQL's restart.
         * Asked by call ({@link StatusReports}: report ids are not in commit order), for the calls not yet seen as
         * delivered; the counts of the others are read once more at the end.
         */
        private void readReports() {
            while (running.get()) {
                try (Connection c = intake()) {
                    while (running.get()) {
                        Set<String> pending = new java.util.HashSet<>(calls.get());
                        pending.removeAll(visible);
                        readReports(c, pending);
                        Thread.sleep(300);
                    }
                } catch (SQLException e) {
                    sleep(1); // PostgreSQL is restarting: read on where we were
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void readReports(Connection c, Set<String> of) throws SQLException {
            StatusReports.of(c, of).forEach((call, reports) -> {
                reportsOfCall.put(call, reports.reports());
                if (reports.delivered()) {
                    visible.add(call);
                }
            });
        }

        /** The final count of reports on every call of the run, after the reader has stopped. */
        void recount() throws Exception {
            for (int attempt = 1; ; attempt++) {
                try (Connection c = intake()) {
                    readReports(c, calls.get());
                    return;
                } catch (SQLException e) {
                    if (attempt >= 30) {
                        throw e;
                    }
                    sleep(1);
                }
            }
        }

        private boolean done(String call) {
            Set<String> tickets = ticketsOfCall.getOrDefault(call, Set.of());
            return !tickets.isEmpty() && visible.contains(call)
                    && tickets.stream().allMatch(deliveredOfTicket::containsKey);
        }

        boolean allDone(Set<String> calls) {
            return calls.stream().allMatch(this::done);
        }

        String describe(Set<String> calls) {
            long ticketed = calls.stream().filter(ticketsOfCall::containsKey).count();
            long shown = calls.stream().filter(visible::contains).count();
            long finished = calls.stream().filter(this::done).count();
            return calls.size() + " calls accepted, " + ticketed + " ticketed, " + shown + " visible as delivered, "
                    + finished + " done";
        }

        Result result(Load load, long deadLetters, List<String> faults) {
            Set<String> calls = load.callIds();
            int keysTwice = (int) load.accepted.values().stream().filter(s -> s.size() > 1).count();
            int referred = (int) calls.stream().filter(referralsOfCall::containsKey).count();
            int ticketed = (int) calls.stream().filter(ticketsOfCall::containsKey).count();
            int ticketsTwice = (int) calls.stream().filter(c -> ticketsOfCall.getOrDefault(c, Set.of()).size() > 1).count();
            Set<String> tickets = calls.stream().flatMap(c -> ticketsOfCall.getOrDefault(c, Set.of()).stream())
                    .collect(Collectors.toSet());
            int delivered = (int) calls.stream().filter(c -> {
                Set<String> t = ticketsOfCall.getOrDefault(c, Set.of());
                return !t.isEmpty() && t.stream().allMatch(deliveredOfTicket::containsKey);
            }).count();
            int deliveredTwice = (int) tickets.stream().filter(t -> deliveredOfTicket.getOrDefault(t, Set.of()).size() > 1).count();
            // At the department: a repeat with the same Idempotency-Key is harmless; two keys for one ticket and unit are not.
            Map<String, Set<String>> keysOfTicketAndUnit = new HashMap<>();
            for (DepartmentInbox.Received r : stack.inbox().received()) {
                String ticket = find(TICKET_ID, r.body());
                if (ticket != null && tickets.contains(ticket)) {
                    keysOfTicketAndUnit.computeIfAbsent(ticket + "@" + r.department(), k -> new java.util.HashSet<>())
                            .add(String.valueOf(r.idempotencyKey()));
                }
            }
            lastTickets = Set.copyOf(tickets);
            int atDepartment = (int) keysOfTicketAndUnit.keySet().stream().map(k -> k.substring(0, k.indexOf('@')))
                    .distinct().count();
            int departmentTwice = (int) keysOfTicketAndUnit.values().stream().filter(s -> s.size() > 1).count();
            int shown = (int) calls.stream().filter(visible::contains).count();
            int reports = calls.stream().mapToInt(c -> reportsOfCall.getOrDefault(c, 0)).sum();
            return new Result(load.offered.get(), load.accepted.size(), load.retried.get(), keysTwice, referred, ticketed,
                    ticketsTwice, tickets.size(), delivered, deliveredTwice, atDepartment, departmentTwice,
                    stack.inbox().refused(), shown, reports, deadLetters,
                    (int) calls.stream().filter(this::done).count(), faults);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(5000);
            }
        }
    }

    public static String report(Settings s, Result r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%n== fault suite: %.0f calls/s, faults held %.0f s, %d round(s) ==%n", s.rate(),
                s.holdSeconds(), s.rounds()));
        r.faults().forEach(f -> out.append("  fault: ").append(f).append('\n'));
        out.append(String.format("calls offered %d, accepted %d (submit retries %d, keys that made two calls %d)%n",
                r.offered(), r.accepted(), r.retried(), r.keysWithTwoCalls()));
        out.append(String.format("referrals %d calls; tickets %d for %d calls (calls with two tickets %d)%n",
                r.referred(), r.tickets(), r.ticketed(), r.ticketsTwice()));
        out.append(String.format("deliveries: %d calls delivered in the bridge's outcomes (tickets delivered twice %d); "
                + "%d tickets at the department (twice in effect %d); %d attempts refused with 503 during the outage%n",
                r.delivered(), r.deliveredTwice(), r.atDepartment(), r.departmentTwice(), r.refusedByDepartment()));
        out.append(String.format("status reports on the calls %d; calls showing DELIVERED %d%n", r.statusReports(), r.visible()));
        out.append(String.format("dead letters %d%n", r.deadLetters()));
        out.append(String.format("LOST %d, DUPLICATED %d -> %s%n", r.lost(), r.duplicated(), r.clean() ? "PASS" : "FAIL"));
        return out.toString();
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String find(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    /** The long version: its own stack in a throw-away folder on free ports, faults in rounds, then the count. */
    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("io.zonky").setLevel(java.util.logging.Level.WARNING);
        java.util.logging.Logger.getLogger("org.apache.kafka").setLevel(java.util.logging.Level.WARNING);
        Path root = Path.of(System.getenv().getOrDefault("LINKAGE_HOME", ".")).toAbsolutePath().normalize();
        if (!Files.exists(root.resolve("deploy/keycloak/linkage-realm.json"))) {
            System.err.println("Run this from the repository root (or set LINKAGE_HOME): " + root + " is not a Linkage checkout.");
            System.exit(2);
        }
        Map<String, Double> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), Double.parseDouble(args[i + 1]));
        }
        Settings s = new Settings(a.getOrDefault("rate", 20.0), a.getOrDefault("hold-seconds", 30.0),
                a.getOrDefault("rounds", 3.0).intValue(), a.getOrDefault("drain-seconds", 600.0), "router-service");
        Path data = root.resolve("target/fault-suite");
        deleteTree(data);
        Files.createDirectories(data);
        System.out.println("fault suite: its own stack in " + data);
        int exit;
        boolean replicas = a.getOrDefault("replicas", 0.0) > 0;
        Map<String, Map<String, String>> env = replicas
                ? Map.of("hotline-bridge", BRIDGE_ENV, "router-service", LADDER_ENV) : Map.of("hotline-bridge", BRIDGE_ENV);
        try (Stack stack = Stack.start(Stack.Settings.ephemeral(root, data), env, System.out::println)) {
            FaultSuite suite = new FaultSuite(stack, s, System.out::println);
            Result r = replicas ? suite.runWithReplicas() : suite.run();
            System.out.println(report(s, r));
            exit = r.clean() ? 0 : 1;
            if (replicas) {
                LadderCount l = suite.supervision(Duration.ofMinutes(6));
                System.out.println(report(l));
                exit = r.clean() && l.clean() ? 0 : 1;
            }
        }
        System.exit(exit);
    }

    public static void deleteTree(Path dir) throws IOException {
        Trees.delete(dir);
    }
}
