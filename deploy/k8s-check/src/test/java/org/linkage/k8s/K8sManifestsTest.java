package org.linkage.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every overlay of deploy/k8s renders (as kustomize build would), every object in it matches its schema (the
 * operators' CRDs, the Kubernetes API), and the manifests agree with the code: topics, ACLs, consumer groups,
 * configuration without local defaults, metrics the alert rules read.
 */
class K8sManifestsTest {
    static Project project;
    static SchemaValidator validator;
    static final Map<String, List<ObjectNode>> RENDERED = new TreeMap<>();

    @BeforeAll
    static void render() {
        project = Project.locate();
        validator = new SchemaValidator(project.crdDir());
        for (Path overlay : project.overlays()) {
            RENDERED.put(overlay.getFileName().toString(), Kustomize.build(overlay));
        }
        assertTrue(RENDERED.containsKey("production") && RENDERED.containsKey("local-kind"),
                "overlays production and local-kind exist: " + RENDERED.keySet());
    }

    static List<ObjectNode> production() {
        return RENDERED.get("production");
    }

    static List<ObjectNode> ofKind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    static ObjectNode named(List<ObjectNode> objects, String kind, String name) {
        return ofKind(objects, kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @Test
    void everyObjectOfEveryOverlayMatchesItsSchema() {
        assertTrue(validator.crdKinds() >= 7, "the reference CRDs were loaded: " + validator.crdKinds());
        RENDERED.forEach((overlay, objects) -> {
            List<String> errors = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            int checkedAgainstCrds = 0;
            for (ObjectNode o : objects) {
                errors.addAll(validator.validate(o));
                if (!ids.add(Kustomize.id(o))) {
                    errors.add("duplicate object " + Kustomize.id(o));
                }
                if (!"linkage".equals(o.path("metadata").path("namespace").asText())) {
                    errors.add(Kustomize.id(o) + " is not in namespace linkage");
                }
                checkedAgainstCrds += validator.hasCrd(o) ? 1 : 0;
            }
            assertEquals(List.of(), errors, overlay + " has objects that do not match their schema");
            Set<String> crdKinds = objects.stream().filter(validator::hasCrd).map(o -> o.path("kind").asText())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(Set.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster",
                    "Keycloak", "KeycloakRealmImport")), crdKinds, overlay + ": kinds checked against a CRD");
            assertTrue(checkedAgainstCrds >= 20, overlay + ": " + checkedAgainstCrds + " operator resources checked");
        });
    }

    @Test
    void kafkaIsKraftOnThreeDualRoleNodesWithPersistentStorageAndOnlyAuthenticatedTlsListeners() {
        for (List<ObjectNode> objects : RENDERED.values()) {
            ObjectNode kafka = named(objects, "Kafka", "linkage");
            JsonNode spec = kafka.path("spec").path("kafka");
            assertEquals("4.3.1", spec.path("version").asText());
            assertEquals("4.3-IV0", spec.path("metadataVersion").asText());
            assertEquals("simple", spec.path("authorization").path("type").asText());
            assertFalse(spec.path("listeners").isEmpty());
            for (JsonNode l : spec.path("listeners")) {
                assertTrue(l.path("tls").asBoolean(), "listener " + l.path("name").asText() + " uses TLS");
                assertTrue(Set.of("scram-sha-512", "tls").contains(l.path("authentication").path("type").asText()),
                        "listener " + l.path("name").asText() + " authenticates clients");
            }
            assertEquals(false, spec.path("config").path("auto.create.topics.enable").asBoolean(true));
            assertEquals(2, spec.path("config").path("min.insync.replicas").asInt());
            List<ObjectNode> pools = ofKind(objects, "KafkaNodePool");
            assertEquals(1, pools.size());
            JsonNode pool = pools.get(0).path("spec");
            assertEquals("linkage", pools.get(0).path("metadata").path("labels").path("strimzi.io/cluster").asText());
            assertEquals(3, pool.path("replicas").asInt());
            assertEquals(Set.of("controller", "broker"), texts(pool.path("roles")));
            for (JsonNode v : pool.path("storage").path("volumes")) {
                assertEquals("persistent-claim", v.path("type").asText());
                assertFalse(v.path("deleteClaim").asBoolean(false) && objects == production(), "production keeps its claims");
            }
        }
    }

    @Test
    void everyTopicTheCodeUsesHasAKafkaTopicWithReplicationThreeAndMinInsyncTwo() {
        Set<String> expected = new TreeSet<>(project.topicConstants().values());
        for (String s : Project.SERVICES) {
            expected.addAll(project.deadLetterTopics(s));
            expected.addAll(project.consumedTopics(s));
            expected.addAll(project.producedTopics(s));
        }
        for (List<ObjectNode> objects : RENDERED.values()) {
            Map<String, JsonNode> topics = new TreeMap<>();
            for (ObjectNode t : ofKind(objects, "KafkaTopic")) {
                JsonNode spec = t.path("spec");
                topics.put(spec.path("topicName").asText(t.path("metadata").path("name").asText()), spec);
                assertEquals("linkage", t.path("metadata").path("labels").path("strimzi.io/cluster").asText());
            }
            assertEquals(expected, topics.keySet(), "one KafkaTopic per topic of Topics.java and per dead-letter topic");
            topics.forEach((name, spec) -> {
                assertEquals(3, spec.path("replicas").asInt(), name);
                assertEquals(2, spec.path("config").path("min.insync.replicas").asInt(), name);
                // a compacted topic keeps the latest record of every key for ever; the others keep a week at least
                assertTrue("compact".equals(spec.path("config").path("cleanup.policy").asText())
                        || spec.path("config").path("retention.ms").asLong() >= 7L * 24 * 3600 * 1000, name + " retention");
                assertTrue(spec.path("partitions").asInt() >= 3, name + " partitions");
            });
            // per-key order needs enough partitions for every consumer replica the HPAs may start
            int maxReplicas = ofKind(objects, "HorizontalPodAutoscaler").stream()
                    .mapToInt(h -> h.path("spec").path("maxReplicas").asInt()).max().orElse(1);
            for (String busy : List.of("linkage.referrals", "linkage.tickets", "linkage.deliveries")) {
                assertTrue(topics.get(busy).path("partitions").asInt() >= maxReplicas, busy);
            }
        }
    }

    @Test
    void kafkaUsersMayWriteOnlyWhatTheyProduceAndReadOnlyWhatTheyConsumeInTheirOwnGroups() {
        for (List<ObjectNode> objects : RENDERED.values()) {
            assertEquals(new TreeSet<>(Project.SERVICES), ofKind(objects, "KafkaUser").stream()
                    .map(u -> u.path("metadata").path("name").asText()).collect(Collectors.toCollection(TreeSet::new)));
            for (String s : Project.SERVICES) {
                ObjectNode user = named(objects, "KafkaUser", s);
                assertEquals("scram-sha-512", user.path("spec").path("authentication").path("type").asText());
                Map<String, Set<String>> write = new TreeMap<>();
                Map<String, Set<String>> read = new TreeMap<>();
                Set<String> groups = new TreeSet<>();
                for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                    JsonNode r = acl.path("resource");
                    assertEquals("literal", r.path("patternType").asText("literal"), s + ": no prefix or wildcard ACLs");
                    assertEquals("allow", acl.path("type").asText("allow"));
                    Set<String> ops = texts(acl.path("operations"));
                    String name = r.path("name").asText();
                    assertFalse(name.contains("*"), s + ": no wildcard ACLs");
                    switch (r.path("type").asText()) {
                        case "topic" -> {
                            if (ops.contains("Write")) {
                                write.put(name, ops);
                            } else {
                                read.put(name, ops);
                            }
                        }
                        case "group" -> {
                            assertEquals(Set.of("Read"), ops, s + " group " + name);
                            groups.add(name);
                        }
                        default -> fail(s + ": unexpected ACL resource " + r);
                    }
                }
                TreeSet<String> produces = new TreeSet<>(project.producedTopics(s));
                produces.addAll(project.deadLetterTopics(s));
                assertEquals(produces, write.keySet(), s + " writes exactly what its outbox and dead-letter queues produce");
                assertEquals(project.consumedTopics(s), read.keySet(), s + " reads exactly what it consumes");
                write.forEach((t, ops) -> assertEquals(Set.of("Write", "Describe"), ops, s + " on " + t));
                read.forEach((t, ops) -> assertEquals(Set.of("Read", "Describe"), ops, s + " on " + t));
                assertEquals(project.consumerGroups(s), groups, s + " consumes in its own groups only");
                assertEquals(Set.of(s), groups, s + "'s group is named after it");
            }
        }
    }

    @Test
    void postgresIsThreeInstancesPerServiceWithSeparateRolesBackupsAndMonitoring() {
        List<ObjectNode> objects = production();
        Map<String, String> clusterOf = Map.of("intake-service", "intake-db", "router-service", "router-db",
                "hotline-bridge", "bridge-db");
        Set<String> scheduled = ofKind(objects, "ScheduledBackup").stream()
                .map(b -> b.path("spec").path("cluster").path("name").asText()).collect(Collectors.toSet());
        JsonNode podMonitor = named(objects, "PodMonitor", "linkage-postgres").path("spec").path("selector");
        Set<String> monitored = new HashSet<>();
        podMonitor.path("matchExpressions").forEach(e -> {
            if ("cnpg.io/cluster".equals(e.path("key").asText())) {
                monitored.addAll(texts(e.path("values")));
            }
        });
        for (ObjectNode c : ofKind(objects, "Cluster")) {
            String name = c.path("metadata").path("name").asText();
            JsonNode spec = c.path("spec");
            assertEquals(3, spec.path("instances").asInt(), name);
            assertTrue(spec.path("backup").path("retentionPolicy").asText().matches("\\d+[dwm]"), name + " retention");
            assertTrue(spec.path("backup").path("barmanObjectStore").path("destinationPath").asText().startsWith("s3://"), name);
            assertTrue(scheduled.contains(name), name + " has a ScheduledBackup");
            assertTrue(monitored.contains(name), name + " is scraped (PodMonitor)");
            assertFalse(spec.path("enableSuperuserAccess").asBoolean(true), name + ": no superuser access from outside");
        }
        for (String s : Project.SERVICES) {
            JsonNode spec = named(objects, "Cluster", clusterOf.get(s)).path("spec");
            String owner = spec.path("bootstrap").path("initdb").path("owner").asText();
            List<JsonNode> roles = new ArrayList<>();
            spec.path("managed").path("roles").forEach(roles::add);
            assertEquals(1, roles.size(), s + ": one application role besides the owner");
            JsonNode app = roles.get(0);
            assertFalse(app.path("name").asText().equals(owner), s + ": the application role is not the owner");
            assertTrue(owner.endsWith("_migrator") && app.path("name").asText().endsWith("_app"), s);
            assertFalse(app.path("superuser").asBoolean(false) || app.path("createrole").asBoolean(false)
                    || app.path("createdb").asBoolean(false), s + ": the application role has no extra powers");
            String sql = String.join("\n", texts(spec.path("bootstrap").path("initdb").path("postInitApplicationSQL")));
            assertTrue(sql.contains("REVOKE CREATE ON SCHEMA public FROM PUBLIC"), s);
            assertTrue(sql.contains("GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + app.path("name").asText()), s);
            // the Deployment: the service runs as the application role, Flyway in the init container as the owner
            JsonNode pod = named(objects, "Deployment", s).path("spec").path("template").path("spec");
            assertEquals(clusterOf.get(s) + "-application", secretOf(pod.path("containers").get(0), "LINKAGE_DB_USER"));
            assertEquals(clusterOf.get(s) + "-migrator", secretOf(pod.path("initContainers").get(0), "LINKAGE_DB_USER"));
        }
        assertTrue(texts(named(objects, "Cluster", "intake-db").path("spec").path("bootstrap").path("initdb")
                .path("postInitApplicationSQL")).contains("CREATE EXTENSION IF NOT EXISTS pg_trgm"), "pg_trgm for call search");
    }

    @Test
    void everyReferencedConfigMapKeyExistsAndEveryPlaceholderOfAServiceConfigIsSet() {
        RENDERED.forEach((overlay, objects) -> {
            Map<String, JsonNode> configMaps = new LinkedHashMap<>();
            ofKind(objects, "ConfigMap").forEach(cm -> configMaps.put(cm.path("metadata").path("name").asText(), cm.path("data")));
            for (ObjectNode d : ofKind(objects, "Deployment")) {
                JsonNode pod = d.path("spec").path("template").path("spec");
                for (JsonNode c : containers(pod)) {
                    Set<String> env = new HashSet<>();
                    for (JsonNode e : c.path("env")) {
                        env.add(e.path("name").asText());
                        JsonNode ref = e.path("valueFrom").path("configMapKeyRef");
                        if (!ref.isMissingNode()) {
                            JsonNode data = configMaps.get(ref.path("name").asText());
                            assertNotNull(data, overlay + ": ConfigMap " + ref.path("name").asText() + " exists");
                            assertTrue(data.has(ref.path("key").asText()), overlay + ": " + d.path("metadata").path("name").asText()
                                    + " reads key " + ref.path("key").asText() + " of " + ref.path("name").asText() + ", which the overlay must set");
                        }
                        if (e.has("value")) {
                            assertTrue(Set.of("QUARKUS_CONFIG_LOCATIONS", "JAVA_OPTS_APPEND", "QUARKUS_FLYWAY_MIGRATE_AT_START",
                                    "QUARKUS_INIT_AND_EXIT").contains(e.path("name").asText()), overlay + ": " + e
                                    + " - settings come from ConfigMaps and Secrets, literal env is for process control only");
                        }
                    }
                    String file = serviceConfig(objects, pod);
                    Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(file);
                    while (m.find()) {
                        assertTrue(env.contains(m.group(1)), overlay + ": " + c.path("name").asText() + " sets " + m.group(1)
                                + ", which its application.properties from the ConfigMap needs");
                    }
                }
                for (JsonNode v : pod.path("volumes")) {
                    if (v.has("configMap")) {
                        assertTrue(configMaps.containsKey(v.path("configMap").path("name").asText()), overlay + ": volume " + v);
                    }
                }
            }
        });
    }

    /**
     * Every setting of a service or the console whose packaged value points at the local stack (127.0.0.1, localhost)
     * or falls back to a default in ${ENV:default} must be set explicitly in production: by the ConfigMap's properties
     * file with a value that has no such fallback itself, or by the environment; a secret the packaged file defaults
     * (the console's local session secret, the bridge's dev keys) appears nowhere in the production render; and nothing
     * in the production render points at a local address or an '.invalid' stand-in.
     */
    @Test
    void noLocalDefaultReachesProduction() {
        List<ObjectNode> objects = production();
        for (String s : Project.DEPLOYED) {
            assertEquals(List.of(), localDefaultsLeft(project, objects, s), s + ": settings whose packaged default would reach production");
            if (project.dependsOn(s, "quarkus-smallrye-openapi")) {
                Properties mounted = Project.parseProperties(serviceConfig(objects,
                        named(objects, "Deployment", s).path("spec").path("template").path("spec")));
                assertEquals("false", mounted.getProperty("quarkus.swagger-ui.enable"), s + ": Swagger UI off in production");
            }
        }
        assertTrue(committedSecrets(project).contains("local-console-session-secret-change-in-production"),
                "the console's packaged session secret is among the defaults looked for: " + committedSecrets(project));
        assertEquals(List.of(), committedSecretsIn(project, objects), "packaged local secrets in the production render");
        List<String> local = new ArrayList<>();
        for (ObjectNode o : objects) {
            scan(o, Kustomize.id(o), local);
        }
        assertEquals(List.of(), local, "local addresses or '.invalid' stand-ins in the production render");
    }

    /** A setting whose value names a secret (a password, key or client secret) comes from a Secret, in every overlay. */
    @Test
    void secretSettingsComeFromSecrets() {
        RENDERED.forEach((overlay, objects) -> {
            for (ObjectNode d : ofKind(objects, "Deployment")) {
                for (JsonNode c : containers(d.path("spec").path("template").path("spec"))) {
                    for (JsonNode e : c.path("env")) {
                        if (SECRET_NAME.matcher(e.path("name").asText()).find()) {
                            assertFalse(e.path("valueFrom").path("secretKeyRef").path("name").asText("").isEmpty(),
                                    overlay + ": " + d.path("metadata").path("name").asText() + " " + e + " comes from a Secret");
                        }
                    }
                }
            }
        });
    }

    /** Environment variables that carry a secret, by name. */
    static final Pattern SECRET_NAME = Pattern.compile("(SECRET|PASSWORD|_KEYS?|_CLIENTS|_JAAS)$");

    /**
     * The packaged settings of a deployed module that would keep their local value in the given render: a value with a
     * local address or a ${ENV:default} fallback, neither overridden by the environment variable it names (or the
     * setting's own environment name) nor replaced by the mounted properties file with a value free of both.
     */
    static List<String> localDefaultsLeft(Project project, List<ObjectNode> objects, String module) {
        Properties packaged = project.properties(module);
        JsonNode pod = named(objects, "Deployment", module).path("spec").path("template").path("spec");
        JsonNode main = pod.path("containers").get(0);
        Properties mounted = Project.parseProperties(serviceConfig(objects, pod));
        Set<String> env = new HashSet<>();
        main.path("env").forEach(e -> env.add(e.path("name").asText()));
        List<String> missing = new ArrayList<>();
        for (String key : packaged.stringPropertyNames()) {
            if (key.startsWith("%")) {
                continue;
            }
            String value = packaged.getProperty("%prod." + key, packaged.getProperty(key));
            Set<String> envNames = new HashSet<>(Set.of(key.toUpperCase().replaceAll("[^A-Z0-9]", "_")));
            if (mounted.containsKey(key)) {
                // the mounted file wins over the packaged one: what it says must itself be free of local values
                value = mounted.getProperty(key);
            }
            Matcher m = Pattern.compile("\\$\\{([A-Za-z0-9_]+):([^}]*)}").matcher(value);
            boolean local = value.contains("127.0.0.1") || value.contains("localhost");
            boolean defaulted = false;
            while (m.find()) {
                envNames.add(m.group(1));
                defaulted |= !m.group(2).isEmpty();
            }
            if ((local || defaulted) && envNames.stream().noneMatch(env::contains)) {
                missing.add(key + "=" + value);
            }
        }
        return missing;
    }

    /** The defaults the deployed modules' packaged files give to secret settings (${X_SECRET:...}, also in %dev). */
    static Set<String> committedSecrets(Project project) {
        Set<String> secrets = new TreeSet<>();
        for (String module : Project.DEPLOYED) {
            Properties packaged = project.properties(module);
            for (String key : packaged.stringPropertyNames()) {
                Matcher m = Pattern.compile("\\$\\{([A-Za-z0-9_]+):([^}]+)}").matcher(packaged.getProperty(key));
                while (m.find()) {
                    if (SECRET_NAME.matcher(m.group(1)).find()) {
                        secrets.add(m.group(2));
                    }
                }
            }
        }
        return secrets;
    }

    /** Where a packaged secret default (or a part of a list of them) occurs in the render. */
    static List<String> committedSecretsIn(Project project, List<ObjectNode> objects) {
        Set<String> needles = new TreeSet<>();
        for (String secret : committedSecrets(project)) {
            needles.add(secret);
            for (String part : secret.split("[|;,=]")) {
                if (part.length() >= 8) {
                    needles.add(part);
                }
            }
        }
        List<String> found = new ArrayList<>();
        for (ObjectNode o : objects) {
            String text = Yaml.write(o);
            for (String needle : needles) {
                if (text.contains(needle)) {
                    found.add(Kustomize.id(o) + " contains " + needle);
                }
            }
        }
        return found;
    }

    @Test
    void productionServicesHaveProbesResourcesDisruptionBudgetsAutoscalersAndNetworkPolicies() {
        List<ObjectNode> objects = production();
        assertEquals(new TreeSet<>(Project.DEPLOYED), ofKind(objects, "Deployment").stream()
                .map(d -> d.path("metadata").path("name").asText()).collect(Collectors.toCollection(TreeSet::new)));
        for (String s : Project.DEPLOYED) {
            ObjectNode d = named(objects, "Deployment", s);
            JsonNode pod = d.path("spec").path("template").path("spec");
            JsonNode main = pod.path("containers").get(0);
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                assertTrue(main.has(probe), s + " " + probe);
            }
            assertFalse(main.path("resources").path("requests").path("cpu").asText("").isEmpty(), s);
            assertFalse(main.path("resources").path("limits").path("memory").asText("").isEmpty(), s);
            assertTrue(main.path("image").asText().startsWith("registry."), s + " image from the registry: " + main.path("image"));
            assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), s);
            assertFalse(pod.path("automountServiceAccountToken").asBoolean(true), s);
            Map<String, String> labels = new TreeMap<>();
            d.path("spec").path("template").path("metadata").path("labels").fields()
                    .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            assertTrue(selects(named(objects, "PodDisruptionBudget", s).path("spec").path("selector"), labels), s + " PDB");
            assertEquals(s, named(objects, "HorizontalPodAutoscaler", s).path("spec").path("scaleTargetRef").path("name").asText());
            assertTrue(named(objects, "HorizontalPodAutoscaler", s).path("spec").path("minReplicas").asInt() >= 2, s);
            boolean ingress = false;
            boolean egress = false;
            for (ObjectNode np : ofKind(objects, "NetworkPolicy")) {
                if (selects(np.path("spec").path("podSelector"), labels)) {
                    Set<String> types = texts(np.path("spec").path("policyTypes"));
                    ingress |= types.contains("Ingress");
                    egress |= types.contains("Egress");
                }
            }
            assertTrue(ingress && egress, s + " is covered by ingress and egress NetworkPolicies");
            assertTrue(ofKind(objects, "PodMonitor").stream().anyMatch(pm -> selects(pm.path("spec").path("selector"), labels)
                    && pm.path("spec").path("podMetricsEndpoints").findValuesAsText("path").contains("/q/metrics")),
                    s + " is scraped on /q/metrics (PodMonitor)");
        }
        // the edge routes API paths only, and the console '/' for browsers: /q/* (health, metrics, OpenAPI, Swagger UI)
        // is not reachable from outside
        assertEquals(4, ofKind(objects, "Ingress").size());
        for (ObjectNode ing : ofKind(objects, "Ingress")) {
            assertEquals(List.of(), edgeProblems(objects, ing), "Ingress " + ing.path("metadata").path("name").asText());
        }
        assertTrue(routes(named(objects, "Ingress", "console")).containsKey("/"), "the console serves '/'");
        for (ObjectNode c : ofKind(objects, "Cluster")) {
            Map<String, String> labels = Map.of("cnpg.io/cluster", c.path("metadata").path("name").asText());
            assertTrue(ofKind(objects, "NetworkPolicy").stream().anyMatch(np -> selects(np.path("spec").path("podSelector"), labels)),
                    c.path("metadata").path("name").asText() + " has a NetworkPolicy");
        }
    }

    /**
     * The console: every replica reads the one session secret from the Secret, with no fallback in the mounted file;
     * it reaches Keycloak and the services inside the cluster; it sends https redirect URIs and Secure cookies behind
     * the TLS ingress; and the realm's console client accepts redirects and post-logout redirects only under the
     * console URL from linkage-realm-placeholders, which is https://<the console Ingress host> (README).
     */
    /**
     * Issue 10, item 10: X-Forwarded-For decides whose refusals the bridge's limiter counts and which address
     * Keycloak's brute-force detection blocks, so only the ingress controllers may set it. In production the trusted
     * range is their own addresses (a few /24 pod ranges of dedicated ingress nodes at most), never the pod network,
     * and Keycloak trusts exactly the range the services trust.
     */
    @Test
    void forwardedHeadersAreBelievedOnlyFromTheIngressControllers() {
        RENDERED.forEach((overlay, objects) -> {
            String cidrs = named(objects, "ConfigMap", "linkage-environment").path("data").path("ingress.cidr").asText();
            assertFalse(cidrs.isBlank(), overlay + ": ingress.cidr");
            JsonNode keycloak = named(objects, "Keycloak", "keycloak").path("spec");
            String trusted = null;
            for (JsonNode option : keycloak.path("additionalOptions")) {
                if ("proxy-trusted-addresses".equals(option.path("name").asText())) {
                    trusted = option.path("value").asText();
                }
            }
            assertEquals(cidrs, trusted, overlay + ": Keycloak trusts the same proxies as the services");
            if ("production".equals(overlay)) {
                for (String cidr : cidrs.split(",")) {
                    String[] parts = cidr.trim().split("/");
                    assertEquals(2, parts.length, "a CIDR: " + cidr);
                    assertTrue(Integer.parseInt(parts[1]) >= 24, overlay + ": " + cidr
                            + " is wider than the ingress controllers' own addresses (any pod in it could forge X-Forwarded-For)");
                }
            }
        });
    }

    @Test
    void theConsoleSharesOneSessionSecretAndIsTheRealmsConsoleClient() {
        RENDERED.forEach((overlay, objects) -> {
            JsonNode pod = named(objects, "Deployment", "console").path("spec").path("template").path("spec");
            assertTrue(pod.path("initContainers").isEmpty(), overlay + ": nothing to migrate");
            assertFalse(named(objects, "Deployment", "console").path("spec").has("replicas"), overlay + ": the HPA owns the count");
            JsonNode main = pod.path("containers").get(0);
            assertEquals("linkage-console-session", secretOf(main, "LINKAGE_CONSOLE_SESSION_SECRET"), overlay);
            Properties packaged = project.properties("console");
            Properties mounted = Project.parseProperties(serviceConfig(objects, pod));
            Set<String> secretKeys = new TreeSet<>();
            for (String key : packaged.stringPropertyNames()) {
                if (!key.startsWith("%") && packaged.getProperty(key).contains("${LINKAGE_CONSOLE_SESSION_SECRET:")) {
                    secretKeys.add(key);
                    assertEquals("${LINKAGE_CONSOLE_SESSION_SECRET}", mounted.getProperty(key),
                            overlay + ": " + key + " has no fallback in production, so a missing Secret stops the console");
                }
            }
            assertTrue(secretKeys.containsAll(Set.of("quarkus.oidc.authentication.state-secret",
                    "quarkus.oidc.token-state-manager.encryption-secret")), secretKeys.toString());
            Properties intake = Project.parseProperties(serviceConfig(objects,
                    named(objects, "Deployment", "intake-service").path("spec").path("template").path("spec")));
            assertEquals(intake.getProperty("quarkus.oidc.auth-server-url"), mounted.getProperty("quarkus.oidc.auth-server-url"),
                    overlay + ": the console asks the same Keycloak as the services");
            for (String client : List.of("intake", "router", "bridge")) {
                String url = mounted.getProperty("quarkus.rest-client." + client + ".url");
                assertNotNull(url, overlay + ": " + client + " URL");
                assertTrue(url.startsWith("http://"), url);
                named(objects, "Service", url.substring("http://".length()));
            }
            for (String secure : List.of("quarkus.oidc.authentication.force-redirect-https-scheme",
                    "quarkus.oidc.authentication.cookie-force-secure", "quarkus.rest-csrf.cookie-force-secure")) {
                assertEquals("true", mounted.getProperty(secure), overlay + ": " + secure);
            }
            assertEquals("${LINKAGE_INGRESS_CIDR}", mounted.getProperty("quarkus.http.proxy.trusted-proxies"), overlay);
            // one public host, under TLS, serving '/', where the console sends people after logout
            JsonNode ing = named(objects, "Ingress", "console");
            assertEquals(1, ing.path("spec").path("rules").size(), overlay + ": the console URL is one host");
            assertEquals(List.of(), edgeProblems(objects, ing), overlay);
            assertEquals("/", packaged.getProperty("quarkus.oidc.logout.post-logout-path"));
            assertEquals("console", routes(ing).get("/"));
            // the realm's public client, whose redirect and post-logout URIs are the console URL's
            ObjectNode realmImport = named(objects, "KeycloakRealmImport", "linkage");
            JsonNode placeholder = realmImport.path("spec").path("placeholders").path("LINKAGE_CONSOLE_URL").path("secret");
            assertEquals("linkage-realm-placeholders", placeholder.path("name").asText(), overlay);
            assertEquals("console-url", placeholder.path("key").asText(), overlay);
            JsonNode client = null;
            for (JsonNode c : realmImport.path("spec").path("realm").path("clients")) {
                if (packaged.getProperty("quarkus.oidc.client-id").equals(c.path("clientId").asText())) {
                    client = c;
                }
            }
            assertNotNull(client, overlay + ": the realm has the console's client " + packaged.getProperty("quarkus.oidc.client-id"));
            assertTrue(client.path("publicClient").asBoolean(), overlay);
            assertEquals(Set.of("${LINKAGE_CONSOLE_URL}/*"), texts(client.path("redirectUris")), overlay);
            assertEquals("${LINKAGE_CONSOLE_URL}/*", client.path("attributes").path("post.logout.redirect.uris").asText(), overlay);
        });
    }

    /** The production render's flows, as the NetworkPolicies allow them, for the console and its neighbours. */
    @Test
    void networkPoliciesLetTheConsoleReachOnlyKeycloakAndTheServicesAndOnlyTheIngressAndPrometheusReachIt() {
        RENDERED.forEach((overlay, objects) -> {
            Pod console = podOf(objects, "console");
            Pod ingress = new Pod("ingress", Map.of("app.kubernetes.io/name", "ingress-nginx"));
            Pod prometheus = new Pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
            Pod keycloak = new Pod("linkage", Map.of("app", "keycloak", "app.kubernetes.io/instance", "keycloak",
                    "app.kubernetes.io/managed-by", "keycloak-operator"));
            Pod dns = new Pod("kube-system", Map.of("k8s-app", "kube-dns"));
            Pod outside = new Pod(null, Map.of());
            Pod stranger = new Pod("linkage", Map.of("app.kubernetes.io/name", "something-else"));
            assertTrue(allowed(objects, ingress, console, 8080, "TCP"), overlay + ": ingress controller to console");
            assertTrue(allowed(objects, prometheus, console, 9000, "TCP"), overlay + ": Prometheus to the console's metrics");
            assertTrue(allowed(objects, console, keycloak, 8080, "TCP"), overlay + ": console to Keycloak");
            assertTrue(allowed(objects, console, dns, 53, "UDP"), overlay + ": console to DNS");
            for (String s : Project.SERVICES) {
                Pod service = podOf(objects, s);
                assertTrue(allowed(objects, console, service, 8080, "TCP"), overlay + ": console to " + s);
                assertFalse(allowed(objects, service, console, 8080, "TCP"), overlay + ": " + s + " to console");
                assertTrue(allowed(objects, ingress, service, 8080, "TCP"), overlay + ": ingress controller to " + s);
                assertTrue(allowed(objects, service, keycloak, 8080, "TCP"), overlay + ": " + s + " to Keycloak");
            }
            assertTrue(allowed(objects, podOf(objects, "hotline-bridge"), podOf(objects, "router-service"), 8080, "TCP"), overlay);
            assertFalse(allowed(objects, stranger, console, 8080, "TCP"), overlay + ": another pod to console");
            assertFalse(allowed(objects, console, new Pod("linkage", Map.of("cnpg.io/cluster", "intake-db")), 5432, "TCP"),
                    overlay + ": console to a database");
            assertFalse(allowed(objects, console, new Pod("linkage", Map.of("strimzi.io/cluster", "linkage",
                    "strimzi.io/broker-role", "true")), 9093, "TCP"), overlay + ": console to Kafka");
            assertFalse(allowed(objects, console, outside, 443, "TCP"), overlay + ": console to the outside");
            assertFalse(allowed(objects, console, keycloak, 7800, "TCP"), overlay + ": console to Keycloak's cache port");
        });
    }

    /**
     * The management interface (/q/health, /q/metrics) listens on a port of its own: the probes and the PodMonitor use
     * it, no Service exposes it, and only Prometheus may connect to it (the kubelet's probes come from the node); the
     * HTTP port is not Prometheus' to reach.
     */
    @Test
    void theManagementInterfaceIsOnItsOwnPortReachedOnlyByTheProbesAndPrometheus() {
        RENDERED.forEach((overlay, objects) -> {
            assertEquals(List.of(), managementProblems(objects), overlay);
            Pod prometheus = new Pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
            Pod ingress = new Pod("ingress", Map.of("app.kubernetes.io/name", "ingress-nginx"));
            Pod stranger = new Pod("linkage", Map.of("app.kubernetes.io/name", "something-else"));
            for (String s : Project.DEPLOYED) {
                Pod pod = podOf(objects, s);
                assertTrue(allowed(objects, prometheus, pod, 9000, "TCP"), overlay + ": Prometheus to " + s + "'s metrics");
                assertFalse(allowed(objects, prometheus, pod, 8080, "TCP"), overlay + ": Prometheus to " + s + "'s API");
                assertFalse(allowed(objects, ingress, pod, 9000, "TCP"), overlay + ": the ingress to " + s + "'s /q/*");
                assertFalse(allowed(objects, stranger, pod, 9000, "TCP"), overlay + ": another pod to " + s + "'s /q/*");
                for (String other : Project.DEPLOYED) {
                    assertFalse(allowed(objects, podOf(objects, other), pod, 9000, "TCP"),
                            overlay + ": " + other + " to " + s + "'s /q/*");
                }
            }
        });
    }

    /** The check fails for a Service that exposes the management port, by name or by number, and for an HTTP probe. */
    @Test
    void aServiceExposingTheManagementPortIsCaught() {
        List<ObjectNode> byName = copyOfProduction();
        ((com.fasterxml.jackson.databind.node.ArrayNode) named(byName, "Service", "intake-service").path("spec").path("ports"))
                .addObject().put("name", "management").put("port", 9000).put("targetPort", "management");
        assertTrue(managementProblems(byName).stream().anyMatch(p -> p.contains("Service intake-service")),
                managementProblems(byName).toString());
        List<ObjectNode> byNumber = copyOfProduction();
        ((ObjectNode) named(byNumber, "Service", "router-service").path("spec").path("ports").get(0))
                .put("targetPort", 9000);
        assertTrue(managementProblems(byNumber).stream().anyMatch(p -> p.contains("Service router-service")),
                managementProblems(byNumber).toString());
        List<ObjectNode> httpProbe = copyOfProduction();
        ((ObjectNode) named(httpProbe, "Deployment", "console").path("spec").path("template").path("spec")
                .path("containers").get(0).path("readinessProbe").path("httpGet")).put("port", "http");
        assertTrue(managementProblems(httpProbe).stream().anyMatch(p -> p.contains("console readinessProbe")),
                managementProblems(httpProbe).toString());
    }

    /** What is wrong with where the management interface listens and who reaches it through a Service or probe. */
    static List<String> managementProblems(List<ObjectNode> objects) {
        List<String> problems = new ArrayList<>();
        for (String s : Project.DEPLOYED) {
            JsonNode main = named(objects, "Deployment", s).path("spec").path("template").path("spec")
                    .path("containers").get(0);
            boolean declared = false;
            for (JsonNode port : main.path("ports")) {
                declared |= "management".equals(port.path("name").asText()) && port.path("containerPort").asInt() == 9000;
            }
            if (!declared) {
                problems.add(s + " declares no container port 'management' (9000)");
            }
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                String port = main.path(probe).path("httpGet").path("port").asText();
                if (!"management".equals(port) && !"9000".equals(port)) {
                    problems.add(s + " " + probe + " is not on the management port but on " + port);
                }
            }
        }
        for (ObjectNode service : ofKind(objects, "Service")) {
            for (JsonNode port : service.path("spec").path("ports")) {
                String target = port.path("targetPort").asText(port.path("port").asText());
                if ("management".equals(target) || "9000".equals(target) || port.path("port").asInt() == 9000) {
                    problems.add("Service " + service.path("metadata").path("name").asText()
                            + " exposes the management port (" + port + ")");
                }
            }
        }
        boolean scraped = ofKind(objects, "PodMonitor").stream().anyMatch(pm -> {
            for (JsonNode e : pm.path("spec").path("podMetricsEndpoints")) {
                if ("/q/metrics".equals(e.path("path").asText()) && "management".equals(e.path("port").asText())) {
                    return true;
                }
            }
            return false;
        });
        if (!scraped) {
            problems.add("no PodMonitor scrapes /q/metrics on the management port");
        }
        return problems;
    }

    /** The no-local-default checks fail when the console's packaged session secret would reach production. */
    @Test
    void theConsolesLocalSessionSecretIsCaughtIfItReachesProduction() {
        String local = "${LINKAGE_CONSOLE_SESSION_SECRET:local-console-session-secret-change-in-production}";
        // the Secret's variable dropped and the mounted file without the keys: the packaged fallback would be used
        List<ObjectNode> noSecret = copyOfProduction();
        dropEnv(noSecret, "LINKAGE_CONSOLE_SESSION_SECRET");
        editConsoleConfig(noSecret, text -> text.lines().filter(l -> !l.contains("LINKAGE_CONSOLE_SESSION_SECRET"))
                .collect(Collectors.joining("\n")));
        List<String> left = localDefaultsLeft(project, noSecret, "console");
        assertEquals(2, left.stream().filter(l -> l.contains("local-console-session-secret")).count(), left.toString());
        // the mounted file given the packaged fallback: caught with the Secret's variable gone, and as committed text
        List<ObjectNode> fallback = copyOfProduction();
        editConsoleConfig(fallback, text -> text.replace("${LINKAGE_CONSOLE_SESSION_SECRET}", local));
        assertFalse(committedSecretsIn(project, fallback).isEmpty(), "the local secret in the ConfigMap is found");
        dropEnv(fallback, "LINKAGE_CONSOLE_SESSION_SECRET");
        assertEquals(2, localDefaultsLeft(project, fallback, "console").size());
        // the local secret written into the Deployment as a literal value
        List<ObjectNode> literal = copyOfProduction();
        for (JsonNode e : named(literal, "Deployment", "console").path("spec").path("template").path("spec")
                .path("containers").get(0).path("env")) {
            if ("LINKAGE_CONSOLE_SESSION_SECRET".equals(e.path("name").asText())) {
                ((ObjectNode) e).remove("valueFrom");
                ((ObjectNode) e).put("value", "local-console-session-secret-change-in-production");
            }
        }
        assertFalse(committedSecretsIn(project, literal).isEmpty(), "the local secret as a literal env value is found");
        // and the real production render has none of it
        assertEquals(List.of(), localDefaultsLeft(project, production(), "console"));
        assertEquals(List.of(), committedSecretsIn(project, production()));
    }

    private static List<ObjectNode> copyOfProduction() {
        List<ObjectNode> copy = new ArrayList<>();
        production().forEach(o -> copy.add(o.deepCopy()));
        return copy;
    }

    private static void dropEnv(List<ObjectNode> objects, String name) {
        JsonNode env = named(objects, "Deployment", "console").path("spec").path("template").path("spec")
                .path("containers").get(0).path("env");
        for (int i = env.size() - 1; i >= 0; i--) {
            if (name.equals(env.get(i).path("name").asText())) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) env).remove(i);
            }
        }
    }

    private static void editConsoleConfig(List<ObjectNode> objects, java.util.function.UnaryOperator<String> edit) {
        ObjectNode data = (ObjectNode) named(objects, "ConfigMap", "console-config").path("data");
        data.put("application.properties", edit.apply(data.path("application.properties").asText()));
    }

    @Test
    void alertRulesCoverTheOperationsRoomAndReadOnlyMetricsThatExist() {
        List<ObjectNode> objects = production();
        JsonNode rules = named(objects, "PrometheusRule", "linkage").path("spec").path("groups");
        Map<String, String> alerts = new TreeMap<>();
        for (JsonNode g : rules) {
            for (JsonNode r : g.path("rules")) {
                alerts.put(r.path("alert").asText(), r.path("expr").asText());
            }
        }
        for (String wanted : List.of("LinkageOutboxStale", "LinkageConsumerLagGrowing", "LinkageConsumerDeadLetters",
                "LinkageDeliveriesDeadLettered", "LinkageDepartmentEndpointFailing", "LinkageSupervisionFailures",
                "LinkageNextYearCalendarMissing", "LinkageInboundWebhooksRefused")) {
            assertTrue(alerts.containsKey(wanted), "alert " + wanted);
        }
        assertTrue(alerts.get("LinkageOutboxStale").contains("> 60"), "outbox older than one minute");
        // The operations room's alerts read the services' own meters (each service's OperationsMetricsTest scrapes
        // /q/metrics and fails when one of these is missing); the database exporter only stands in where noted.
        Map<String, String> serviceMeter = Map.of(
                "LinkageOutboxStale", "linkage_outbox_oldest_age_seconds",
                "LinkageConsumerLagGrowing", "kafka_consumer_fetch_manager_records_lag_max",
                "LinkageDeliveriesDeadLettered", "linkage_bridge_deliveries_dead_lettered",
                "LinkageDepartmentEndpointFailing", "linkage_bridge_delivery_attempts_total",
                "LinkageSupervisionFailures", "linkage_router_supervision_set_aside",
                "LinkageNextYearCalendarMissing", "linkage_router_calendar_next_year_missing_in_december",
                "LinkageInboundWebhooksRefused", "linkage_bridge_inbound_refusals_total");
        serviceMeter.forEach((alert, meter) -> assertTrue(alerts.get(alert).contains(meter), alert + " reads " + meter));
        Set<String> known = new TreeSet<>(project.emittedMetrics());
        assertTrue(known.containsAll(Set.of("linkage_outbox_parked_total", "linkage_router_supervision_failures_total",
                "linkage_intake_calls_total")), "the meters the services register were found: " + known);
        known.addAll(cnpgMetrics(objects));
        Set<String> used = new TreeSet<>();
        alerts.values().forEach(expr -> used.addAll(linkageMetrics(expr)));
        JsonNode dashboard = Yaml.readAll(named(objects, "ConfigMap", "linkage-grafana-dashboard").path("data")
                .path("linkage-dashboard.json").asText()).get(0);
        assertEquals("1", named(objects, "ConfigMap", "linkage-grafana-dashboard").path("metadata").path("labels")
                .path("grafana_dashboard").asText());
        int targets = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode t : panel.path("targets")) {
                assertFalse(t.path("expr").asText("").isBlank(), "panel " + panel.path("title").asText());
                used.addAll(linkageMetrics(t.path("expr").asText()));
                targets++;
            }
        }
        assertTrue(targets >= 15, "dashboard queries: " + targets);
        TreeSet<String> unknown = new TreeSet<>(used);
        unknown.removeAll(known);
        assertEquals(Set.of(), unknown, "metrics read by alerts or the dashboard that nothing emits (known: " + known + ")");
        assertTrue(used.contains("cnpg_linkage_outbox_oldest_age_seconds") && used.contains("linkage_outbox_parked_total"));
    }

    /** Each exporter query calls a function its database's bootstrap creates, and reads only columns it returns. */
    @Test
    void everyMetricsQueryCallsAFunctionItsClusterCreates() {
        List<ObjectNode> objects = production();
        Map<String, String> functions = new TreeMap<>();
        for (ObjectNode c : ofKind(objects, "Cluster")) {
            String db = c.path("spec").path("bootstrap").path("initdb").path("database").asText();
            for (String sql : texts(c.path("spec").path("bootstrap").path("initdb").path("postInitApplicationSQL"))) {
                Matcher m = Pattern.compile("^CREATE FUNCTION (\\w+)\\(\\) RETURNS TABLE \\(([^)]*)\\)").matcher(sql);
                if (m.find()) {
                    functions.put(db + "/" + m.group(1), m.group(2));
                    assertTrue(sql.contains("SECURITY DEFINER") && sql.contains("SET search_path"), m.group(1));
                    assertTrue(texts(c.path("spec").path("bootstrap").path("initdb").path("postInitApplicationSQL"))
                            .contains("GRANT EXECUTE ON FUNCTION " + m.group(1) + "() TO pg_monitor"), m.group(1));
                }
            }
        }
        int checked = 0;
        for (var file : (Iterable<Map.Entry<String, JsonNode>>) () -> named(objects, "ConfigMap", "linkage-pg-queries")
                .path("data").fields()) {
            JsonNode queries = Yaml.readAll(file.getValue().asText()).get(0);
            for (var q : (Iterable<Map.Entry<String, JsonNode>>) queries::fields) {
                String db = q.getValue().path("target_databases").get(0).asText();
                Matcher m = Pattern.compile("FROM (\\w+)\\(\\)").matcher(q.getValue().path("query").asText());
                assertTrue(m.find(), q.getKey() + " reads through a function, not a table");
                String returns = functions.get(db + "/" + m.group(1));
                assertNotNull(returns, q.getKey() + ": " + db + " creates " + m.group(1));
                for (JsonNode metric : q.getValue().path("metrics")) {
                    metric.fieldNames().forEachRemaining(col -> assertTrue(returns.matches("(?s).*\\b" + col + "\\b.*")
                            || q.getValue().path("query").asText().contains(" AS " + col), q.getKey() + "." + col));
                }
                checked++;
            }
        }
        assertTrue(checked >= 10, "queries checked: " + checked);
    }

    /**
     * What is wrong with an Ingress: a rule host without TLS; a path other than /api and /open311 on a service (and the
     * router's /links/attachments), or
     * other than '/' on the console; a '/' that does not send /q to a Service with no pods, so that /q/* could reach
     * a pod from outside.
     */
    static List<String> edgeProblems(List<ObjectNode> objects, JsonNode ing) {
        List<String> problems = new ArrayList<>();
        String name = ing.path("metadata").path("name").asText();
        Set<String> tlsHosts = new TreeSet<>();
        ing.path("spec").path("tls").forEach(t -> tlsHosts.addAll(texts(t.path("hosts"))));
        for (JsonNode rule : ing.path("spec").path("rules")) {
            if (!tlsHosts.contains(rule.path("host").asText())) {
                problems.add("no TLS for host " + rule.path("host").asText());
            }
        }
        Map<String, String> routes = routes(ing);
        routes.forEach((path, service) -> {
            boolean allowed = switch (path) {
                case "/api", "/open311" -> service.equals(name) && !name.equals("console");
                // the router's expiring signed attachment links, opened by department systems without a token
                case "/links/attachments" -> service.equals(name) && name.equals("router-service");
                case "/" -> service.equals(name) && name.equals("console");
                case "/q" -> routes.containsKey("/");
                default -> false;
            };
            if (!allowed) {
                problems.add("routes " + path + " to " + service);
            }
        });
        if (routes.containsKey("/")) {
            String closed = routes.get("/q");
            if (closed == null) {
                problems.add("routes '/' but not /q elsewhere: /q/* would reach " + routes.get("/"));
            } else {
                JsonNode spec = named(objects, "Service", closed).path("spec");
                if (spec.has("selector") && !spec.path("selector").isEmpty()) {
                    problems.add("/q goes to " + closed + ", a Service with pods");
                }
            }
        }
        return problems;
    }

    /** Path to backend Service of every rule of an Ingress. */
    static Map<String, String> routes(JsonNode ing) {
        Map<String, String> routes = new TreeMap<>();
        for (JsonNode rule : ing.path("spec").path("rules")) {
            for (JsonNode p : rule.path("http").path("paths")) {
                routes.put(p.path("path").asText(), p.path("backend").path("service").path("name").asText());
            }
        }
        return routes;
    }

    /** A pod for the NetworkPolicy checks: its namespace (null: an address outside the cluster) and labels. */
    record Pod(String namespace, Map<String, String> labels) {
    }

    static Pod podOf(List<ObjectNode> objects, String deployment) {
        ObjectNode d = named(objects, "Deployment", deployment);
        Map<String, String> labels = new TreeMap<>();
        d.path("spec").path("template").path("metadata").path("labels").fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return new Pod(d.path("metadata").path("namespace").asText(), labels);
    }

    /** Whether the NetworkPolicies of the render let 'from' open a connection to 'to' on a port: egress and ingress. */
    static boolean allowed(List<ObjectNode> objects, Pod from, Pod to, int port, String protocol) {
        return admits(objects, from, to, port, protocol, "Egress") && admits(objects, to, from, port, protocol, "Ingress");
    }

    /** Pods no policy of the given type selects are open that way; otherwise one rule of a selecting policy must match. */
    private static boolean admits(List<ObjectNode> objects, Pod pod, Pod peer, int port, String protocol, String type) {
        if (pod.namespace() == null) {
            return true;
        }
        boolean selected = false;
        for (ObjectNode np : ofKind(objects, "NetworkPolicy")) {
            String ns = np.path("metadata").path("namespace").asText();
            JsonNode spec = np.path("spec");
            if (!ns.equals(pod.namespace()) || !texts(spec.path("policyTypes")).contains(type)
                    || !matches(spec.path("podSelector"), pod.labels())) {
                continue;
            }
            selected = true;
            for (JsonNode rule : spec.path(type.equals("Egress") ? "egress" : "ingress")) {
                boolean peerMatches = false;
                for (JsonNode p : rule.path(type.equals("Egress") ? "to" : "from")) {
                    peerMatches |= peerMatches(p, ns, peer);
                }
                boolean portMatches = rule.path("ports").isEmpty();
                for (JsonNode p : rule.path("ports")) {
                    portMatches |= p.path("port").isInt() && p.path("port").asInt() == port
                            && p.path("protocol").asText("TCP").equals(protocol);
                }
                if ((rule.path(type.equals("Egress") ? "to" : "from").isMissingNode() || peerMatches) && portMatches) {
                    return true;
                }
            }
        }
        return !selected;
    }

    private static boolean peerMatches(JsonNode peer, String policyNamespace, Pod pod) {
        if (peer.has("ipBlock")) {
            return pod.namespace() == null;
        }
        if (pod.namespace() == null) {
            return false;
        }
        if (peer.has("namespaceSelector")) {
            if (!matches(peer.path("namespaceSelector"), Map.of("kubernetes.io/metadata.name", pod.namespace()))) {
                return false;
            }
        } else if (!policyNamespace.equals(pod.namespace())) {
            return false;
        }
        return !peer.has("podSelector") || matches(peer.path("podSelector"), pod.labels());
    }

    // --- helpers

    static Set<String> texts(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<JsonNode> containers(JsonNode pod) {
        List<JsonNode> all = new ArrayList<>();
        pod.path("initContainers").forEach(all::add);
        pod.path("containers").forEach(all::add);
        return all;
    }

    private static String secretOf(JsonNode container, String env) {
        for (JsonNode e : container.path("env")) {
            if (env.equals(e.path("name").asText())) {
                return e.path("valueFrom").path("secretKeyRef").path("name").asText();
            }
        }
        return null;
    }

    /** The application.properties a service's pod mounts from its ConfigMap. */
    static String serviceConfig(List<ObjectNode> objects, JsonNode pod) {
        for (JsonNode v : pod.path("volumes")) {
            if ("config".equals(v.path("name").asText())) {
                return named(objects, "ConfigMap", v.path("configMap").path("name").asText()).path("data")
                        .path("application.properties").asText();
            }
        }
        throw new AssertionError("the pod mounts no config volume");
    }

    private static boolean selects(JsonNode selector, Map<String, String> labels) {
        JsonNode match = selector.has("matchLabels") ? selector.get("matchLabels") : selector;
        if (match.isEmpty() && !selector.has("matchExpressions")) {
            return false;
        }
        return matches(selector, labels);
    }

    /** A label selector (matchLabels, or a bare map as a Service's, and matchExpressions) against a set of labels. */
    static boolean matches(JsonNode selector, Map<String, String> labels) {
        JsonNode match = selector.has("matchLabels") || selector.has("matchExpressions")
                ? selector.path("matchLabels") : selector;
        for (var it = match.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            String value = labels.get(expr.path("key").asText());
            Set<String> values = texts(expr.path("values"));
            boolean ok = switch (expr.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("selector operator " + expr);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static void scan(JsonNode node, String where, List<String> found) {
        if (node.isTextual()) {
            String t = node.asText();
            if (t.contains("127.0.0.1") || t.contains("localhost") || t.matches("(?s).*\\.invalid\\b.*")) {
                found.add(where + ": " + (t.length() > 120 ? t.substring(0, 120) + "…" : t));
            }
        } else {
            node.fields().forEachRemaining(e -> scan(e.getValue(), where + "." + e.getKey(), found));
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    scan(node.get(i), where + "[" + i + "]", found);
                }
            }
        }
    }

    private static Set<String> linkageMetrics(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\b((?:cnpg_)?linkage_[a-z0-9_]+)").matcher(expr);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** cnpg_<query>_<column> for every GAUGE or COUNTER column of the CloudNativePG custom queries. */
    private static Set<String> cnpgMetrics(List<ObjectNode> objects) {
        Set<String> names = new TreeSet<>();
        named(objects, "ConfigMap", "linkage-pg-queries").path("data").fields().forEachRemaining(file -> {
            JsonNode queries = Yaml.readAll(file.getValue().asText()).get(0);
            queries.fields().forEachRemaining(q -> {
                for (JsonNode metric : q.getValue().path("metrics")) {
                    metric.fields().forEachRemaining(col -> {
                        String usage = col.getValue().path("usage").asText();
                        if (usage.equals("GAUGE") || usage.equals("COUNTER")) {
                            names.add("cnpg_" + q.getKey() + "_" + col.getKey());
                        }
                    });
                }
            });
        });
        return names;
    }
}
