package org.linkage.stack;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.linkage.events.Topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who may do what on the local broker (deploy/run and every test's broker). The three services' rights are the
 * production {@code KafkaUser}s of deploy/k8s/base/kafka/users.yaml restated; K8sManifestsTest fails when the two
 * differ, so the table below and the manifests move together. Besides them: the stack's super user (topics, users
 * and ACLs only) and local-only clients that read the event stream from the outside (service tests, e2e, bench),
 * each in consumer groups of its own prefix. None of these passwords is a secret: they exist on loopback only, and
 * production takes every credential from the Secrets Strimzi's User Operator writes.
 */
public final class KafkaUsers {
    /** The broker's super user: the stack's admin client (topics, SCRAM credentials, ACLs). No service uses it. */
    public static final String ADMIN = "admin";
    public static final String MECHANISM = "SCRAM-SHA-512";
    /** Topics the local-only readers may read and describe (prefix ACLs: never used for a service). */
    private static final List<String> STREAM_PREFIXES = List.of("linkage.", "dead-letter-topic-");
    /** The bench's bare-loop topic: its floor measurement sends here (created by its first send). */
    public static final String BENCH_TOPIC = "linkage.bench.bare-loop";

    /** One ACL entry, always an allow. */
    public record Acl(ResourceType type, String name, PatternType pattern, Set<AclOperation> operations) {
    }

    public record User(String name, List<Acl> acls) {
        /** Local only (see the class comment); {@code deploy/run} and the services' dev and test profiles use it. */
        public String password() {
            return localPassword(name);
        }

        public String jaasConfig() {
            return jaas(name, password());
        }

        /** The client settings to connect as this user: what a service gets from kafka.* configuration. */
        public Map<String, Object> clientConfig(String bootstrapServers) {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("bootstrap.servers", bootstrapServers);
            config.put("security.protocol", "SASL_PLAINTEXT");
            config.put("sasl.mechanism", MECHANISM);
            config.put("sasl.jaas.config", jaasConfig());
            return config;
        }

        /** The literal topics this user may write. */
        public Set<String> writes() {
            return literalTopics(AclOperation.WRITE);
        }

        /** The literal topics this user may read. */
        public Set<String> reads() {
            return literalTopics(AclOperation.READ);
        }

        private Set<String> literalTopics(AclOperation operation) {
            Set<String> topics = new LinkedHashSet<>();
            for (Acl acl : acls) {
                if (acl.type() == ResourceType.TOPIC && acl.pattern() == PatternType.LITERAL
                        && acl.operations().contains(operation)) {
                    topics.add(acl.name());
                }
            }
            return topics;
        }

        List<AclBinding> bindings() {
            List<AclBinding> out = new ArrayList<>();
            for (Acl acl : acls) {
                for (AclOperation op : acl.operations()) {
                    out.add(new AclBinding(new ResourcePattern(acl.type(), acl.name(), acl.pattern()),
                            new AccessControlEntry("User:" + name, "*", op, AclPermissionType.ALLOW)));
                }
            }
            return out;
        }
    }

    /** The services, as deploy/k8s/base/kafka/users.yaml grants them: produced topics and DLQs, consumed topics, own group. */
    public static final List<User> SERVICES = List.of(
            service("intake-service",
                    List.of(Topics.REFERRALS, "dead-letter-topic-intake-tickets", "dead-letter-topic-police-transfers",
                            "dead-letter-topic-districts", "dead-letter-topic-consultations",
                            "dead-letter-topic-categories"),
                    List.of(Topics.TICKETS, Topics.POLICE_TRANSFERS, Topics.DISTRICTS, Topics.CONSULTATIONS,
                            Topics.CATEGORIES)),
            service("router-service",
                    List.of(Topics.TICKETS, Topics.POLICE_TRANSFERS, Topics.DISTRICTS, Topics.CONSULTATIONS,
                            Topics.CATEGORIES, "dead-letter-topic-referrals", "dead-letter-topic-deliveries"),
                    List.of(Topics.REFERRALS, Topics.DELIVERIES)),
            service("hotline-bridge",
                    List.of(Topics.DELIVERIES, Topics.DELIVERIES_DLQ, Topics.POLICE_TRANSFERS,
                            "dead-letter-topic-bridge-tickets"),
                    List.of(Topics.TICKETS)));

    /**
     * Local-only clients that watch the stream: "test" (the services' test helpers read what a service published),
     * "e2e" (the end-to-end suite; also checks the services' groups have consumed everything) and "bench"
     * (PipelineBench and FaultSuite; also its bare-loop topic).
     */
    public static final List<User> LOCAL_CLIENTS = List.of(
            observer("test", List.of()),
            observer("e2e", SERVICES.stream()
                    .map(s -> new Acl(ResourceType.GROUP, s.name(), PatternType.LITERAL, Set.of(AclOperation.DESCRIBE)))
                    .toList()),
            observer("bench", List.of(new Acl(ResourceType.TOPIC, BENCH_TOPIC, PatternType.LITERAL,
                    Set.of(AclOperation.CREATE, AclOperation.WRITE, AclOperation.DESCRIBE)))));

    private KafkaUsers() {
    }

    public static String localPassword(String user) {
        return user + "-local-password";
    }

    public static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** Every user with SCRAM credentials on the client listener, the admin included. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(ADMIN);
        Stream.concat(SERVICES.stream(), LOCAL_CLIENTS.stream()).map(User::name).forEach(names::add);
        return names;
    }

    public static User named(String name) {
        return Stream.concat(SERVICES.stream(), LOCAL_CLIENTS.stream()).filter(u -> u.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Kafka user " + name));
    }

    /**
     * The service that produces a topic: a test that injects an event does so as the event's real producer would.
     * Where two services write a topic (police transfers come from the router and the bridge) the first one listed.
     */
    public static User writerOf(String topic) {
        return SERVICES.stream().filter(s -> s.writes().contains(topic)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service produces " + topic));
    }

    /** Every topic a service writes or reads: the broker creates them all (clients may not create topics). */
    public static Set<String> serviceTopics() {
        Set<String> topics = new LinkedHashSet<>(List.of(Topics.ALL));
        for (User s : SERVICES) {
            topics.addAll(s.writes());
            topics.addAll(s.reads());
        }
        return topics;
    }

    /** The ACL bindings the broker must hold, no more. */
    static List<AclBinding> bindings() {
        return Stream.concat(SERVICES.stream(), LOCAL_CLIENTS.stream()).flatMap(u -> u.bindings().stream()).toList();
    }

    private static User service(String name, Collection<String> writes, Collection<String> reads) {
        List<Acl> acls = new ArrayList<>();
        // Write covers the idempotent producer (Kafka 3+), Read covers a topic's Describe; both spelt out as in k8s
        writes.forEach(t -> acls.add(new Acl(ResourceType.TOPIC, t, PatternType.LITERAL,
                Set.of(AclOperation.WRITE, AclOperation.DESCRIBE))));
        reads.forEach(t -> acls.add(new Acl(ResourceType.TOPIC, t, PatternType.LITERAL,
                Set.of(AclOperation.READ, AclOperation.DESCRIBE))));
        acls.add(new Acl(ResourceType.GROUP, name, PatternType.LITERAL, Set.of(AclOperation.READ)));
        return new User(name, List.copyOf(acls));
    }

    private static User observer(String name, List<Acl> extra) {
        List<Acl> acls = new ArrayList<>();
        STREAM_PREFIXES.forEach(p -> acls.add(new Acl(ResourceType.TOPIC, p, PatternType.PREFIXED,
                Set.of(AclOperation.READ, AclOperation.DESCRIBE))));
        acls.add(new Acl(ResourceType.GROUP, name + "-", PatternType.PREFIXED, Set.of(AclOperation.READ)));
        acls.addAll(extra);
        return new User(name, List.copyOf(acls));
    }
}
