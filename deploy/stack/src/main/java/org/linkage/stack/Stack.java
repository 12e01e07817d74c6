package org.linkage.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The whole system on one machine: PostgreSQL, Kafka, Keycloak, a stand-in for department systems,
 * and the three services. {@link #main} is the README's run command; the end-to-end tests start the
 * same stack on free ports in a throw-away folder.
 */
public final class Stack implements AutoCloseable {
    public static final List<String> SERVICES = List.of("intake-service", "router-service", "hotline-bridge", "console");

    /**
     * @param dataDir    where every server keeps its data; kept across restarts when {@code persistent}
     * @param postgresUrl an existing PostgreSQL to use instead of the embedded one (JDBC URL), or null
     */
    public record Settings(Path root, Path dataDir, boolean persistent, int postgresPort, int kafkaPort,
                           int kafkaControllerPort, int keycloakPort, int keycloakManagementPort, int inboxPort,
                           int intakePort, int routerPort, int bridgePort, int consolePort,
                           String postgresUrl, String postgresUser, String postgresPassword) {

        /** Fixed ports and the repository's .data folder: what the README promises. */
        public static Settings local(Path root) {
            Map<String, String> env = System.getenv();
            return new Settings(root, Path.of(env.getOrDefault("LINKAGE_DATA_DIR", root.resolve(".data").toString())),
                    true, 15432, 19092, 19093, 18080, 19000, 8090, 8081, 8082, 8083, 8080,
                    blankToNull(env.get("LINKAGE_POSTGRES_URL")), env.getOrDefault("LINKAGE_POSTGRES_USER", "postgres"),
                    env.getOrDefault("LINKAGE_POSTGRES_PASSWORD", ""));
        }

        /** Free ports and a fresh folder: for tests that must not collide with anything running. */
        public static Settings ephemeral(Path root, Path dataDir) {
            Map<String, String> env = System.getenv();
            return new Settings(root, dataDir, false, Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                    Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                    blankToNull(env.get("LINKAGE_TEST_DB_URL")), env.getOrDefault("LINKAGE_TEST_DB_USER", "postgres"),
                    env.getOrDefault("LINKAGE_TEST_DB_PASSWORD", ""));
        }

        Map<String, Integer> ports() {
            Map<String, Integer> ports = new LinkedHashMap<>();
            if (postgresUrl == null) {
                ports.put("PostgreSQL", postgresPort);
            }
            ports.put("Kafka", kafkaPort);
            ports.put("Kafka controller", kafkaControllerPort);
            ports.put("Keycloak", keycloakPort);
            ports.put("Keycloak management", keycloakManagementPort);
            ports.put("department inbox", inboxPort);
            ports.put("intake-service", intakePort);
            ports.put("router-service", routerPort);
            ports.put("hotline-bridge", bridgePort);
            ports.put("console", consolePort);
            return ports;
        }

        int portOf(String service) {
            return switch (service) {
                case "intake-service" -> intakePort;
                case "router-service" -> routerPort;
                case "hotline-bridge" -> bridgePort;
                case "console" -> consolePort;
                default -> throw new IllegalArgumentException(service);
            };
        }
    }

    private final Settings settings;
    private final List<AutoCloseable> started = new ArrayList<>();
    private PostgresServer postgres;
    private KafkaServer kafka;
    private KeycloakServer keycloak;
    private DepartmentInbox inbox;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    /** Second and further instances of a service (name → replicas in start order), as a Deployment's replicas. */
    private final Map<String, List<ServiceProcess>> replicas = new LinkedHashMap<>();
    private final Map<String, PostgresServer.ServiceDatabase> databases = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> extraEnv;
    /** Each service's management interface (health, metrics): its HTTP port + 1000 locally (8081 → 9081), else free. */
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();

    private Stack(Settings settings, Map<String, Map<String, String>> extraEnv) {
        this.settings = settings;
        this.extraEnv = extraEnv;
        for (String name : SERVICES) {
            managementPorts.put(name, settings.persistent() ? settings.portOf(name) + 1000 : Ports.free());
        }
    }

    /** Starts everything, or stops what it started and throws. */
    public static Stack start(Settings settings, Consumer<String> progress) {
        return start(settings, Map.of(), progress);
    }

    /**
     * The same, with environment variables added per service (service name → variables), e.g. shorter delivery
     * back-off for a fault run that must recover within minutes.
     */
    public static Stack start(Settings settings, Map<String, Map<String, String>> extraEnv, Consumer<String> progress) {
        List<String> busy = settings.ports().entrySet().stream().filter(e -> Ports.inUse(e.getValue()))
                .map(e -> e.getKey() + " (port " + e.getValue() + ")").toList();
        if (!busy.isEmpty()) {
            throw new IllegalStateException("ports already in use, needed by: " + String.join(", ", busy)
                    + ". Is the stack already running? Stop whatever uses them and try again.");
        }
        Stack stack = new Stack(settings, Map.copyOf(extraEnv));
        try {
            stack.startAll(progress);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(Consumer<String> progress) {
        Path data = settings.dataDir();
        Path logs = data.resolve("logs");
        long t0 = System.nanoTime();
        Consumer<String> say = m -> progress.accept(String.format("[%5.1fs] %s", (System.nanoTime() - t0) / 1e9, m));

        // Keycloak is the slowest to start; it boots alongside the rest and is awaited last.
        say.accept("starting Keycloak " + property("keycloak.version") + " on port " + settings.keycloakPort() + " ...");
        keycloak = KeycloakServer.launch(data.resolve("keycloak"), keycloakZip(),
                settings.root().resolve("deploy/keycloak/linkage-realm.json"),
                settings.keycloakPort(), settings.keycloakManagementPort());
        started.add(keycloak);

        if (settings.postgresUrl() == null) {
            say.accept("starting PostgreSQL (embedded) on port " + settings.postgresPort() + " ...");
            postgres = PostgresServer.embedded(data.resolve("postgres"), settings.postgresPort(), !settings.persistent());
        } else {
            say.accept("using PostgreSQL at " + settings.postgresUrl());
            postgres = PostgresServer.external(settings.postgresUrl(), settings.postgresUser(), settings.postgresPassword());
        }
        started.add(postgres);
        for (String db : List.of("intake", "router", "bridge")) {
            databases.put(db, postgres.createServiceDatabase(db));
        }
        say.accept("PostgreSQL ready: databases intake, router, bridge, each with a migration role <db>_migrator "
                + "and an application role <db>_app");

        say.accept("starting Kafka " + property("kafka.version") + " (KRaft) on port " + settings.kafkaPort() + " ...");
        kafka = KafkaServer.start(data.resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
        started.add(kafka);
        kafka.createTopics(KafkaUsers.serviceTopics(), 3);
        say.accept("Kafka ready at " + kafka.bootstrapServers() + " (SASL SCRAM-SHA-512, ACLs) with topics "
                + String.join(", ", KafkaUsers.serviceTopics()));

        inbox = DepartmentInbox.start(settings.inboxPort());
        started.add(inbox);
        say.accept("department inbox (stand-in for department systems) at " + inbox.url() + "/departments");

        keycloak.awaitReady(Duration.ofSeconds(300));
        say.accept("Keycloak ready: realm " + keycloak.realmUrl());

        for (String name : SERVICES) {
            int port = settings.portOf(name);
            say.accept("starting " + name + " on port " + port + " ...");
            ServiceProcess service = ServiceProcess.start(name, settings.root().resolve(name), port,
                    managementPorts.get(name), envOf(name), logs);
            services.put(name, service);
            started.add(service);
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(Duration.ofSeconds(180));
            say.accept(service.name() + " ready at " + service.url());
        }
    }

    private Map<String, String> envOf(String name) {
        Map<String, String> env = new LinkedHashMap<>(serviceEnv(name));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPorts.get(name)));
        env.putAll(extraEnv.getOrDefault(name, Map.of()));
        return env;
    }

    /** Ends a service with SIGKILL (no shutdown, no flush): what a crash or an OOM kill does to a pod. */
    public synchronized void killService(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no such service: " + name);
        }
        service.kill();
    }

    /** Starts a service again, with the environment it first had, and waits until it is ready. */
    public void startService(String name, Duration timeout) {
        ServiceProcess service;
        synchronized (this) {
            ServiceProcess old = services.get(name);
            if (old == null) {
                throw new IllegalArgumentException("no such service: " + name);
            }
            old.close();
            service = ServiceProcess.start(name, settings.root().resolve(name), settings.portOf(name),
                    managementPorts.get(name), envOf(name), logDir());
            started.set(started.indexOf(old), service);
            services.put(name, service);
        }
        service.awaitReady(timeout);
    }

    /**
     * Starts one more instance of a service on a free port, with the same database, broker, realm and settings: what a
     * second pod of its Deployment is. Consumers of one service share a group, so the instances split the partitions;
     * relays, delivery workers and scheduled jobs coordinate through the database.
     *
     * @return the new instance's base URL, once it is ready
     */
    public String startReplica(String name, Duration timeout) {
        ServiceProcess replica;
        synchronized (this) {
            if (!services.containsKey(name)) {
                throw new IllegalArgumentException("no such service: " + name);
            }
            List<ServiceProcess> of = replicas.computeIfAbsent(name, k -> new ArrayList<>());
            int port = Ports.free();
            int management = Ports.free();
            Map<String, String> env = new LinkedHashMap<>(envOf(name));
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(management));
            replica = ServiceProcess.start(name + "-" + (of.size() + 2), settings.root().resolve(name), port, management,
                    env, logDir());
            of.add(replica);
            started.add(replica);
        }
        replica.awaitReady(timeout);
        return replica.url();
    }

    /** The base URLs of every instance of a service started so far, the first one first (dead ones included). */
    public synchronized List<String> serviceUrls(String name) {
        List<String> urls = new ArrayList<>();
        urls.add(serviceUrl(name));
        replicas.getOrDefault(name, List.of()).forEach(r -> urls.add(r.url()));
        return urls;
    }

    /** Restarts PostgreSQL under the running services (see {@link PostgresServer#restart}). */
    public void restartPostgres() {
        postgres.restart(logDir().resolve("postgres-restart.log"));
    }

    /** Stops the broker cleanly and starts it again on the same data and ports. */
    public void restartKafka() {
        synchronized (this) {
            int at = started.indexOf(kafka);
            kafka.close();
            kafka = KafkaServer.start(settings.dataDir().resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
            started.set(at, kafka);
        }
    }

    private Map<String, String> serviceEnv(String name) {
        if ("console".equals(name)) {
            return consoleEnv();
        }
        String db = switch (name) {
            case "intake-service" -> "intake";
            case "router-service" -> "router";
            default -> "bridge";
        };
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(settings.portOf(name)));
        PostgresServer.ServiceDatabase database = databases.get(db);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
        // the service runs as the role that only reads and writes rows; its migrations as the one that owns them
        env.put("QUARKUS_DATASOURCE_USERNAME", database.app());
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.appPassword());
        env.put("QUARKUS_FLYWAY_USERNAME", database.migrator());
        env.put("QUARKUS_FLYWAY_PASSWORD", database.migratorPassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        // the service's own Kafka identity, as production's Secret gives it (LINKAGE_KAFKA_JAAS); loopback: no TLS
        env.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        env.put("KAFKA_SASL_MECHANISM", KafkaUsers.MECHANISM);
        env.put("LINKAGE_KAFKA_JAAS", KafkaUsers.named(name).jaasConfig());
        // the packaged default is off (production); the local stack is where people try the APIs
        env.put("QUARKUS_SWAGGER_UI_ENABLE", "true");
        env.put("LINKAGE_OIDC_URL", keycloak.realmUrl());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.realmUrl());
        env.put("QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL", keycloak.realmUrl());
        env.put("LINKAGE_INTAKE_URL", "http://127.0.0.1:" + settings.intakePort());
        env.put("LINKAGE_ROUTER_URL", "http://127.0.0.1:" + settings.routerPort());
        env.put("LINKAGE_BRIDGE_URL", "http://127.0.0.1:" + settings.bridgePort());
        env.put("LINKAGE_DEPARTMENTS_DEFAULT_ENDPOINT", inbox.endpointTemplate());
        if (!"hotline-bridge".equals(name)) {
            // The key intake and the router both hash callers' numbers under (caller history): a local one, never real.
            env.put("LINKAGE_CALLER_HASH_KEY", "local-caller-hash-key-not-for-production");
        }
        if ("intake-service".equals(name)) {
            // intake's service account reads a caller's tickets from the router (the realm's local secret)
            env.put("LINKAGE_OIDC_CLIENT_SECRET", name + "-secret");
        }
        if ("router-service".equals(name)) {
            // The key the router signs expiring attachment links under (webhooks, Open311): a local one, never real.
            env.put("LINKAGE_ATTACHMENT_LINK_KEY", "local-attachment-link-key-not-for-production");
            // Demo knowledge-base articles, for the local stack only (router-service/src/main/resources/db/demo).
            env.put("QUARKUS_FLYWAY_LOCATIONS", "db/commons,db/migration,db/demo");
        }
        if ("hotline-bridge".equals(name)) {
            // The bridge runs in the prod profile, which commits no keys: the local demo's own, never real ones.
            env.put("LINKAGE_BRIDGE_SIGNING_KEYS", "CD-HRSS=dev-hrss-key-2026|dev-hrss-key-2025");
            env.put("LINKAGE_BRIDGE_SIGNING_DEFAULT_KEYS", "dev-default-webhook-key");
            env.put("LINKAGE_BRIDGE_OPEN311_CLIENTS", "demo=open311-demo-key");
            // the key retrieval codes are hashed under (public case look-up): a local one, never real
            env.put("LINKAGE_BRIDGE_CASE_CODE_KEY", "local-case-code-key-not-for-production");
            env.put("LINKAGE_OIDC_CLIENT_SECRET", name + "-secret");
        }
        return env;
    }

    /** The consoles hold no data of their own: they need the realm and the three services' addresses. */
    private Map<String, String> consoleEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(settings.consolePort()));
        env.put("LINKAGE_OIDC_URL", keycloak.realmUrl());
        env.put("LINKAGE_INTAKE_URL", "http://127.0.0.1:" + settings.intakePort());
        env.put("LINKAGE_ROUTER_URL", "http://127.0.0.1:" + settings.routerPort());
        env.put("LINKAGE_BRIDGE_URL", "http://127.0.0.1:" + settings.bridgePort());
        return env;
    }

    private Path keycloakZip() {
        String override = System.getenv("LINKAGE_KEYCLOAK_ZIP");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return settings.root().resolve("deploy/stack/target/keycloak/keycloak-quarkus-dist.zip");
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public KafkaServer kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public DepartmentInbox inbox() {
        return inbox;
    }

    public String serviceUrl(String name) {
        return services.get(name).url();
    }

    /** A service's management interface: {@code /q/health}, {@code /q/metrics}. */
    public String managementUrl(String name) {
        return services.get(name).managementUrl();
    }

    public Path logDir() {
        return settings.dataDir().resolve("logs");
    }

    /** Stops everything in reverse order of start; safe to call twice. */
    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e.getMessage());
            }
        }
        started.clear();
    }

    static String property(String key) {
        try (InputStream in = Stack.class.getResourceAsStream("/linkage-stack.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public static void main(String[] args) {
        // The embedded PostgreSQL launcher logs every step at INFO; a person starting the stack wants the summary.
        java.util.logging.Logger.getLogger("io.zonky").setLevel(java.util.logging.Level.WARNING);
        java.util.logging.Logger.getLogger("org.apache.kafka").setLevel(java.util.logging.Level.WARNING);
        Path root = Path.of(System.getenv().getOrDefault("LINKAGE_HOME", ".")).toAbsolutePath().normalize();
        if (!Files.exists(root.resolve("deploy/keycloak/linkage-realm.json"))) {
            System.err.println("Run this from the repository root (or set LINKAGE_HOME): " + root + " is not a Linkage checkout.");
            System.exit(2);
        }
        Settings settings = Settings.local(root);
        System.out.println("Linkage local stack: data in " + settings.dataDir() + " (kept across restarts)");
        Stack stack;
        try {
            stack = Stack.start(settings, System.out::println);
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("The stack did not start: " + e.getMessage());
            System.err.println("Logs are in " + settings.dataDir().resolve("logs") + " and under " + settings.dataDir());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping the Linkage stack ...");
            stack.close();
            System.out.println("stopped; data kept in " + settings.dataDir());
        }, "linkage-stack-stop"));
        System.out.println(banner(stack));
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String banner(Stack stack) {
        String kc = stack.keycloak().url();
        return String.join("\n",
                "",
                "Linkage is up. Ctrl-C stops everything.",
                "",
                "  consoles (people)         " + stack.serviceUrl("console") + "   log in as any demo user below",
                "  intake-service (110)      " + stack.serviceUrl("intake-service") + "   Swagger UI: /q/swagger-ui",
                "  router-service (12345)    " + stack.serviceUrl("router-service") + "   Swagger UI: /q/swagger-ui",
                "  hotline-bridge (edge)     " + stack.serviceUrl("hotline-bridge") + "   Open311: /open311/v2/services.json",
                "  health and metrics        " + stack.managementUrl("intake-service") + ", " + stack.managementUrl("router-service")
                        + ", " + stack.managementUrl("hotline-bridge") + ", " + stack.managementUrl("console")
                        + "   /q/health, /q/metrics",
                "  Keycloak                  " + kc + "   admin console: " + kc + "/admin (admin / admin)",
                "  Kafka                     " + stack.kafka().bootstrapServers() + "   SASL_PLAINTEXT, SCRAM-SHA-512: user <name>,"
                        + " password <name>-local-password (" + String.join(", ", KafkaUsers.names()) + "; see README)",
                "  PostgreSQL                " + stack.postgres().jdbcUrl("intake|router|bridge") + " (user " + stack.postgres().user() + ")",
                "  department inbox          " + stack.inbox().url() + "/departments   (what departments received)",
                "  logs                      " + stack.logDir(),
                "",
                "Demo logins (realm linkage, client linkage-console, password: linkage):",
                "  calltaker1 (call-taker)   officer1 (officer)   dispatcher1 (dispatcher)",
                "  supervisor1 (supervisor)  admin1 (admin)",
                "  agent-hrss (dept-agent, CD-HRSS 成都市人力资源和社会保障局)",
                "  agent-wuhou (dept-agent, 510107-URBAN 武侯区综合行政执法局)",
                "",
                "Get a token:",
                "  curl -s -d client_id=linkage-console -d grant_type=password -d username=calltaker1 -d password=linkage \\",
                "       " + stack.keycloak().realmUrl() + "/protocol/openid-connect/token",
                "");
    }
}
