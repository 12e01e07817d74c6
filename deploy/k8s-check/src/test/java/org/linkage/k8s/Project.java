package org.linkage.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the manifests must agree with, read from the services' own code and configuration rather than restated:
 * topics (events/…/Topics.java), what each service produces and consumes, its consumer groups and dead-letter
 * topics (application.properties), the metrics it registers.
 */
final class Project {
    /** The services with a database and Kafka (KafkaUsers, topics, PostgreSQL clusters). */
    static final List<String> SERVICES = List.of("intake-service", "router-service", "hotline-bridge");
    /** Everything deployed as a Deployment of the same name: the services and the console (no database, no Kafka). */
    static final List<String> DEPLOYED = List.of("intake-service", "router-service", "hotline-bridge", "console");

    private static final Pattern TOPIC_CONSTANT = Pattern.compile(
            "public static final String ([A-Z_]+) = \"([^\"]+)\";");
    private static final Pattern TOPIC_USE = Pattern.compile("\\bTopics\\.([A-Z_]+)\\b");
    private static final Pattern INCOMING = Pattern.compile("^mp\\.messaging\\.incoming\\.([^.]+)\\.(.+)$");

    final Path root;

    Project(Path root) {
        this.root = root;
    }

    static Project locate() {
        String prop = System.getProperty("linkage.root");
        Path start = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/k8s")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return new Project(p);
            }
        }
        throw new IllegalStateException("repository root not found from " + start);
    }

    /** shared/reference/k8s-crds: -Dlinkage.k8s.crds, else beside the clone. */
    Path crdDir() {
        String prop = System.getProperty("linkage.k8s.crds");
        if (prop != null && Files.isDirectory(Path.of(prop))) {
            return Path.of(prop).normalize();
        }
        return root.resolveSibling("shared").resolve("reference/k8s-crds");
    }

    Path k8s() {
        return root.resolve("deploy/k8s");
    }

    List<Path> overlays() {
        try (Stream<Path> dirs = Files.list(k8s().resolve("overlays"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Topics.java: constant name to topic. */
    Map<String, String> topicConstants() {
        String src = read(root.resolve("events/src/main/java/org/linkage/events/Topics.java"));
        Map<String, String> topics = new LinkedHashMap<>();
        Matcher m = TOPIC_CONSTANT.matcher(src);
        while (m.find()) {
            topics.put(m.group(1), m.group(2));
        }
        return topics;
    }

    Properties properties(String service) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(root.resolve(service + "/src/main/resources/application.properties"))) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Whether the module's pom.xml depends on the given artifact (e.g. quarkus-smallrye-openapi). */
    boolean dependsOn(String module, String artifactId) {
        return read(root.resolve(module + "/pom.xml")).contains("<artifactId>" + artifactId + "</artifactId>");
    }

    static Properties parseProperties(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Incoming channel name to its attributes (topic, group.id, failure-strategy, ...), from application.properties. */
    Map<String, Map<String, String>> incoming(String service) {
        Map<String, Map<String, String>> channels = new TreeMap<>();
        Properties p = properties(service);
        for (String key : p.stringPropertyNames()) {
            Matcher m = INCOMING.matcher(key);
            if (m.matches()) {
                channels.computeIfAbsent(m.group(1), c -> new TreeMap<>()).put(m.group(2), p.getProperty(key));
            }
        }
        return channels;
    }

    TreeSet<String> consumedTopics(String service) {
        TreeSet<String> topics = new TreeSet<>();
        incoming(service).values().stream().map(c -> c.get("topic")).filter(t -> t != null).forEach(topics::add);
        return topics;
    }

    TreeSet<String> consumerGroups(String service) {
        TreeSet<String> groups = new TreeSet<>();
        incoming(service).values().stream().map(c -> c.get("group.id")).filter(g -> g != null).forEach(groups::add);
        return groups;
    }

    /** SmallRye's dead-letter-queue strategy writes to dead-letter-queue.topic, by default dead-letter-topic-<channel>. */
    TreeSet<String> deadLetterTopics(String service) {
        TreeSet<String> topics = new TreeSet<>();
        incoming(service).forEach((channel, c) -> {
            if ("dead-letter-queue".equals(c.get("failure-strategy"))) {
                topics.add(c.getOrDefault("dead-letter-queue.topic", "dead-letter-topic-" + channel));
            }
        });
        return topics;
    }

    /**
     * Topics the service's outbox writes: the topic of every event record its main code constructs (an event knows
     * its own topic: {@code topic()} in events/), and every Topics.X it names (the dead-letter copy). Consumers are
     * bound to topics by application.properties and construct no events.
     */
    TreeSet<String> producedTopics(String service) {
        Map<String, String> constants = topicConstants();
        Map<String, String> eventTopics = eventTopics(constants);
        TreeSet<String> topics = new TreeSet<>();
        for (String src : sources(root.resolve(service + "/src/main/java"))) {
            Matcher constructed = Pattern.compile("new ([A-Z][A-Za-z]+)\\(").matcher(src);
            while (constructed.find()) {
                String topic = eventTopics.get(constructed.group(1));
                if (topic != null) {
                    topics.add(topic);
                }
            }
            Matcher m = TOPIC_USE.matcher(src);
            while (m.find()) {
                String topic = constants.get(m.group(1));
                if (topic == null) {
                    throw new IllegalStateException(service + " names unknown topic constant Topics." + m.group(1));
                }
                topics.add(topic);
            }
        }
        return topics;
    }

    /** Event record name to its topic, from each record's {@code topic()} in events/. */
    private Map<String, String> eventTopics(Map<String, String> constants) {
        Map<String, String> byEvent = new java.util.HashMap<>();
        Pattern returns = Pattern.compile("String topic\\(\\)\\s*\\{\\s*return Topics\\.([A-Z_]+);");
        try (var files = Files.list(root.resolve("events/src/main/java/org/linkage/events"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                Matcher m = returns.matcher(read(f));
                if (m.find()) {
                    byEvent.put(f.getFileName().toString().replace(".java", ""), constants.get(m.group(1)));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return byEvent;
    }

    /** Micrometer meters the code registers, by their Prometheus names (counters get _total). */
    TreeSet<String> emittedMetrics() {
        TreeSet<String> names = new TreeSet<>();
        Pattern literal = Pattern.compile("(?:Counter\\.builder|\\.counter)\\(\\s*\"([a-z0-9_.]+)\"");
        Pattern byConstant = Pattern.compile("Counter\\.builder\\(\\s*([A-Z_]+)\\s*\\)");
        Pattern gauge = Pattern.compile("(?:Gauge\\.builder|\\.gauge)\\(\\s*\"([a-z0-9_.]+)\"");
        // A timer is exported in seconds, as a histogram when it publishes one (the series a quantile reads).
        Pattern timer = Pattern.compile("Timer\\.builder\\(\\s*\"([a-z0-9_.]+)\"");
        for (String module : List.of("commons", "intake-service", "router-service", "hotline-bridge")) {
            for (String src : sources(root.resolve(module + "/src/main/java"))) {
                Matcher m = literal.matcher(src);
                while (m.find()) {
                    names.add(m.group(1).replace('.', '_') + "_total");
                }
                m = byConstant.matcher(src);
                while (m.find()) {
                    Matcher c = Pattern.compile("static final String " + m.group(1) + " = \"([a-z0-9_.]+)\"").matcher(src);
                    if (c.find()) {
                        names.add(c.group(1).replace('.', '_') + "_total");
                    }
                }
                m = gauge.matcher(src);
                while (m.find()) {
                    names.add(m.group(1).replace('.', '_'));
                }
                m = timer.matcher(src);
                while (m.find()) {
                    String base = m.group(1).replace('.', '_') + "_seconds";
                    names.addAll(List.of(base + "_count", base + "_sum", base + "_max", base + "_bucket"));
                }
            }
        }
        return names;
    }

    private static List<String> sources(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().map(Project::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
