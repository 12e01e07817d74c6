package org.linkage.stack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker in KRaft mode, forked as a child JVM on this JVM's class path so
 * its Scala runtime and logging never share a class loader with the caller. Clients authenticate (SASL SCRAM-SHA-512)
 * and the StandardAuthorizer holds them to the ACLs of {@link KafkaUsers}: nobody connects anonymously.
 */
public final class KafkaServer implements AutoCloseable {
    /** Local only, like every password in {@link KafkaUsers}; the admin's SCRAM credential on the client port too. */
    static final String ADMIN_PASSWORD = KafkaUsers.localPassword(KafkaUsers.ADMIN);

    private final ManagedProcess process;
    private final int port;
    private final int brokerPort;

    private KafkaServer(ManagedProcess process, int port, int brokerPort) {
        this.process = process;
        this.port = port;
        this.brokerPort = brokerPort;
    }

    /**
     * @param dir a folder of its own; formatted on first use and reused afterwards
     * @param port the client listener: SASL_PLAINTEXT with SCRAM-SHA-512, the users of {@link KafkaUsers}
     * @param controllerPort the KRaft controller listener (the super user only)
     */
    public static KafkaServer start(Path dir, int port, int controllerPort) {
        try {
            Path logDirs = dir.resolve("data");
            Files.createDirectories(logDirs);
            Path config = dir.resolve("server.properties");
            // Three loopback listeners. CLIENT is the one everybody uses: SCRAM-SHA-512 as in production (minus TLS,
            // which buys nothing on loopback), so every client has a name the ACLs can judge. BROKER (inter-broker,
            // the stack's admin) and CONTROLLER take PLAIN with the super user only: SCRAM credentials live in the
            // cluster metadata, so a listener the broker itself needs before that metadata is loaded cannot use them,
            // and PLAIN needs no format-time step, so a data folder formatted by an older stack keeps working.
            // The internal port is picked anew at each start: nobody outside this class connects to it.
            int brokerPort = Ports.free();
            String plain = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + KafkaUsers.ADMIN
                    + "\" password=\"" + ADMIN_PASSWORD + "\" user_" + KafkaUsers.ADMIN + "=\"" + ADMIN_PASSWORD + "\";";
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    // the client listener first: PipelineBench finds this broker's process by "127.0.0.1:<port>,"
                    "listeners=CLIENT://127.0.0.1:" + port + ",BROKER://127.0.0.1:" + brokerPort
                            + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=CLIENT://127.0.0.1:" + port + ",BROKER://127.0.0.1:" + brokerPort,
                    "controller.listener.names=CONTROLLER",
                    "inter.broker.listener.name=BROKER",
                    "listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,BROKER:SASL_PLAINTEXT,CLIENT:SASL_PLAINTEXT",
                    "listener.name.client.sasl.enabled.mechanisms=" + KafkaUsers.MECHANISM,
                    "listener.name.client.scram-sha-512.sasl.jaas.config="
                            + "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                    "listener.name.broker.sasl.enabled.mechanisms=PLAIN",
                    "listener.name.broker.plain.sasl.jaas.config=" + plain,
                    "sasl.mechanism.inter.broker.protocol=PLAIN",
                    "listener.name.controller.sasl.enabled.mechanisms=PLAIN",
                    "listener.name.controller.plain.sasl.jaas.config=" + plain,
                    "sasl.mechanism.controller.protocol=PLAIN",
                    "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                    "super.users=User:" + KafkaUsers.ADMIN,
                    "allow.everyone.if.no.acl.found=false",
                    "log.dirs=" + logDirs.toAbsolutePath(),
                    "num.partitions=3",
                    "offsets.topic.replication.factor=1",
                    "offsets.topic.num.partitions=3",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1",
                    "group.initial.rebalance.delay.ms=0",
                    // only a user with Create on the topic (the bench's bare loop) gets one this way
                    "auto.create.topics.enable=true",
                    "log.retention.hours=168",
                    ""));
            String classpath = absoluteClassPath();
            if (!Files.exists(logDirs.resolve("meta.properties"))) {
                ManagedProcess.run("kafka storage format", List.of(ManagedProcess.javaBinary(), "-Xmx256m", "-cp", classpath,
                                "kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                                "-c", config.toString()),
                        dir, dir.resolve("format.log"), 120);
            }
            ManagedProcess process = ManagedProcess.start("kafka", List.of(ManagedProcess.javaBinary(),
                            "-Xms128m", "-Xmx768m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                            "-cp", classpath, "kafka.Kafka", config.toString()),
                    Map.of(), dir, dir.resolve("kafka.log"));
            KafkaServer server = new KafkaServer(process, port, brokerPort);
            try {
                // generous: with the authoriser the broker first replays its ACLs and credentials, and on two cores
                // shared with a whole stack under load (the fault suite's broker restart) that has taken over 90 s
                Ports.awaitListening("Kafka", port, Duration.ofSeconds(180), process);
                server.awaitReady(Duration.ofSeconds(180));
                server.grantUsers(Duration.ofSeconds(60));
            } catch (RuntimeException e) {
                // a broker nobody may use is no use: do not leave it running for the caller to find
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This JVM's class path with every entry made absolute: the broker runs in its own folder, and a
     * relative entry (java -cp deploy/stack/target/...) would not resolve from there.
     */
    private static String absoluteClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Creates the topics that do not exist yet. */
    public void createTopics(Collection<String> topics, int partitions) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topics: " + e.getCause().getMessage(), e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create topics: " + e.getMessage(), e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka did not become ready; see " + process.logFile(), e);
                }
                Ports.sleep(200);
            }
        }
    }

    /**
     * Gives every user of {@link KafkaUsers} its SCRAM credential and exactly the table's ACLs (stale ones from an
     * older table are removed), then waits until the broker authenticates and authorises with them: the metadata
     * reaches the broker's authoriser a moment after the controller commits it.
     */
    private void grantUsers(Duration timeout) {
        List<AclBinding> wanted = KafkaUsers.bindings();
        try (Admin admin = admin()) {
            List<UserScramCredentialAlteration> credentials = new ArrayList<>();
            for (String user : KafkaUsers.names()) {
                credentials.add(new UserScramCredentialUpsertion(user,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), KafkaUsers.localPassword(user)));
            }
            admin.alterUserScramCredentials(credentials).all().get(30, TimeUnit.SECONDS);
            Set<AclBinding> existing = new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS));
            List<AclBindingFilter> stale = existing.stream().filter(b -> !wanted.contains(b)).map(AclBinding::toFilter).toList();
            if (!stale.isEmpty()) {
                admin.deleteAcls(stale).all().get(30, TimeUnit.SECONDS);
            }
            List<AclBinding> missing = wanted.stream().filter(b -> !existing.contains(b)).toList();
            if (!missing.isEmpty()) {
                admin.createAcls(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not set up Kafka's users and ACLs: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, Object> config = client(KafkaUsers.ADMIN);
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
            try (Admin admin = Admin.create(config)) {
                if (admin.describeAcls(AclBindingFilter.ANY).values().get(5, TimeUnit.SECONDS).size() >= wanted.size()) {
                    return;
                }
            } catch (Exception e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka did not accept its SCRAM users; see " + process.logFile(), e);
                }
            }
            Ports.sleep(200);
        }
    }

    /** Admin over the internal listener as the super user: works before any SCRAM credential exists. */
    private Admin admin() {
        String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + KafkaUsers.ADMIN
                + "\" password=\"" + ADMIN_PASSWORD + "\";";
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + brokerPort,
                AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, jaas,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    /**
     * The client settings (bootstrap, SASL) to connect to the client listener as one of {@link KafkaUsers}, or as
     * {@link KafkaUsers#ADMIN} (the stack's own tools only).
     */
    public Map<String, Object> client(String user) {
        Map<String, Object> config = new HashMap<>(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, KafkaUsers.MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, KafkaUsers.jaas(user, KafkaUsers.localPassword(user))));
        return config;
    }

    public Path logFile() {
        return process.logFile();
    }

    @Override
    public void close() {
        process.close();
    }
}
