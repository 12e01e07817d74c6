package org.linkage.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks can fail: a misspelt field, a wrong type or an unknown kind is refused, in a CR and in a core object. */
class K8sValidationNegativeTest {
    static Project project;
    static SchemaValidator validator;
    static List<ObjectNode> production;

    @BeforeAll
    static void load() {
        project = Project.locate();
        validator = new SchemaValidator(project.crdDir());
        production = Kustomize.build(project.k8s().resolve("overlays/production"));
    }

    private static ObjectNode copyOf(String kind, String name) {
        return K8sManifestsTest.named(production, kind, name).deepCopy();
    }

    private static List<String> errorsAfter(String kind, String name, Consumer<ObjectNode> change) {
        ObjectNode o = copyOf(kind, name);
        assertEquals(List.of(), validator.validate(o), "the unchanged " + kind + " is valid");
        change.accept(o);
        return validator.validate(o);
    }

    private static void assertRefused(List<String> errors, String mentioning) {
        assertTrue(!errors.isEmpty(), "the change must be refused");
        assertTrue(errors.stream().anyMatch(e -> e.contains(mentioning)), "an error names " + mentioning + ": " + errors);
    }

    private static void rename(ObjectNode parent, String from, String to) {
        JsonNode v = parent.remove(from);
        parent.set(to, v);
    }

    @Test
    void aMisspeltFieldInAnOperatorResourceFails() {
        // KafkaTopic.spec.partitions misspelt
        assertRefused(errorsAfter("KafkaTopic", "linkage-tickets",
                t -> rename((ObjectNode) t.get("spec"), "partitions", "partitons")), "partitons");
        // nested deep in the Kafka CR: a listener's authentication
        assertRefused(errorsAfter("Kafka", "linkage", k -> rename(
                (ObjectNode) k.get("spec").get("kafka").get("listeners").get(0), "authentication", "authentification")),
                "authentification");
        // CloudNativePG Cluster: backup retention misspelt
        assertRefused(errorsAfter("Cluster", "intake-db",
                c -> rename((ObjectNode) c.get("spec").get("backup"), "retentionPolicy", "retentionPolicies")), "retentionPolicies");
        // Keycloak realm inside the KeycloakRealmImport
        assertRefused(errorsAfter("KeycloakRealmImport", "linkage",
                r -> rename((ObjectNode) r.get("spec").get("realm"), "bruteForceProtected", "bruteforceProtected")),
                "bruteforceProtected");
        // a top-level field and a misspelt metadata field of a CR
        assertRefused(errorsAfter("KafkaUser", "intake-service", u -> u.put("sepc", "x")), "sepc");
        assertRefused(errorsAfter("KafkaUser", "intake-service",
                u -> rename((ObjectNode) u.get("metadata"), "labels", "lables")), "lables");
        // a local schema (ScheduledBackup)
        assertRefused(errorsAfter("ScheduledBackup", "intake-db-daily",
                b -> rename((ObjectNode) b.get("spec"), "schedule", "shedule")), "shedule");
    }

    @Test
    void aWrongTypeOrValueInAnOperatorResourceFails() {
        assertRefused(errorsAfter("KafkaNodePool", "dual-role", p -> ((ObjectNode) p.get("spec")).put("replicas", "three")),
                "replicas");
        assertRefused(errorsAfter("KafkaUser", "router-service", u -> ((ObjectNode) u.get("spec").get("authorization")
                .get("acls").get(0).get("resource")).put("type", "topik")), "type");
        // int-or-string is honoured: a number or a string passes where the CRD says either
        assertEquals(List.of(), errorsAfter("Cluster", "router-db", c -> ((ObjectNode) c.get("spec").get("resources")
                .get("requests")).put("cpu", 1)));
    }

    @Test
    void aMisspeltFieldInACoreObjectFails() {
        assertRefused(errorsAfter("Deployment", "intake-service", d -> rename((ObjectNode) d.get("spec").get("template")
                .get("spec").get("containers").get(0), "readinessProbe", "readinesProbe")), "readinesProbe");
        assertRefused(errorsAfter("Deployment", "router-service", d -> ((ObjectNode) d.get("spec").get("template")
                .get("spec").get("containers").get(0).get("resources")).putObject("limit").put("memory", "1Gi")), "limit");
        assertRefused(errorsAfter("Service", "hotline-bridge", s -> rename((ObjectNode) s.get("spec"), "selector", "selecter")),
                "selecter");
        assertRefused(errorsAfter("NetworkPolicy", "intake-service",
                n -> rename((ObjectNode) n.get("spec"), "policyTypes", "policyType")), "policyType");
        assertRefused(errorsAfter("HorizontalPodAutoscaler", "hotline-bridge",
                h -> rename((ObjectNode) h.get("spec"), "maxReplicas", "maxReplica")), "maxReplica");
        assertRefused(errorsAfter("PodDisruptionBudget", "intake-service",
                p -> rename((ObjectNode) p.get("metadata"), "labels", "label")), "label");
        assertRefused(errorsAfter("PrometheusRule", "linkage", r -> rename((ObjectNode) r.get("spec").get("groups").get(0)
                .get("rules").get(0), "expr", "expression")), "expression");
        assertRefused(errorsAfter("PodMonitor", "linkage-services", m -> rename((ObjectNode) m.get("spec")
                .get("podMetricsEndpoints").get(0), "path", "paht")), "paht");
    }

    @Test
    void aWrongTypeOrAMissingRequiredFieldInACoreObjectFails() {
        assertRefused(errorsAfter("Deployment", "hotline-bridge", d -> ((ObjectNode) d.get("spec")).put("replicas", "two")),
                "replicas");
        assertRefused(errorsAfter("Deployment", "hotline-bridge", d -> ((ObjectNode) d.get("spec").get("template")
                .get("spec").get("containers").get(0)).remove("image")), "image");
        assertRefused(errorsAfter("ConfigMap", "linkage-environment", c -> ((ObjectNode) c.get("data")).put("x", 5)), "data.x");
        assertRefused(errorsAfter("PodDisruptionBudget", "router-service",
                p -> ((ObjectNode) p.get("spec")).put("minAvailable", 1)), "exactly one");
    }

    @Test
    void aKindWithNoSchemaFails() {
        ObjectNode o = copyOf("ConfigMap", "linkage-environment");
        o.put("kind", "ConfigMapp");
        assertRefused(validator.validate(o), "no schema");
        ObjectNode kafka = copyOf("Kafka", "linkage");
        kafka.put("apiVersion", "kafka.strimzi.io/v1beta2");   // not served by Strimzi 1.2
        assertRefused(validator.validate(kafka), "no schema");
    }

    /** End to end: a misspelt field in an overlay's patch makes the rendered overlay fail the check. */
    @Test
    void aMisspeltFieldInAnOverlayFailsTheRenderedCheck(@TempDir Path tmp) throws IOException {
        Path copy = tmp.resolve("k8s");
        copyTree(project.k8s(), copy);
        Path patch = copy.resolve("overlays/production/keycloak.yaml");
        Files.writeString(patch, Files.readString(patch).replace("  instances: 3", "  instance: 3"));
        List<String> errors = new ArrayList<>();
        for (ObjectNode o : Kustomize.build(copy.resolve("overlays/production"))) {
            errors.addAll(validator.validate(o));
        }
        assertRefused(errors, "instance");
        // and the untouched overlay passes, so it is the misspelling that fails
        List<String> clean = new ArrayList<>();
        for (ObjectNode o : production) {
            clean.addAll(validator.validate(o));
        }
        assertEquals(List.of(), clean);
    }

    @Test
    void theRendererRefusesWhatItCannotRenderFaithfully(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("kustomization.yaml"), "resources: [a.yaml]\ncommonLabels: {a: b}\n");
        Files.writeString(tmp.resolve("a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        assertThrows(IllegalArgumentException.class, () -> Kustomize.build(tmp));
        Files.writeString(tmp.resolve("kustomization.yaml"), "resources: [a.yaml]\npatches: [{path: p.yaml}]\n");
        Files.writeString(tmp.resolve("p.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata: {x: y}\n");
        assertThrows(IllegalArgumentException.class, () -> Kustomize.build(tmp), "a patch that matches nothing fails");
    }

    @Test
    void theStrictSchemaConversionFollowsTheKubernetesExtensions() {
        ObjectNode schema = (ObjectNode) Yaml.readAll("""
                type: object
                properties:
                  a: {type: object, properties: {b: {type: string}}}
                  free: {type: object, x-kubernetes-preserve-unknown-fields: true, properties: {c: {type: string}}}
                  port: {x-kubernetes-int-or-string: true}
                  maybe: {type: string, nullable: true}
                """).get(0);
        JsonNode strict = SchemaValidator.strict(schema, false);
        assertEquals(false, strict.path("additionalProperties").asBoolean(true));
        assertEquals(false, strict.path("properties").path("a").path("additionalProperties").asBoolean(true));
        assertTrue(strict.path("properties").path("free").path("additionalProperties").isMissingNode());
        assertTrue(strict.path("properties").path("port").path("anyOf") instanceof ArrayNode);
        assertEquals(2, strict.path("properties").path("maybe").path("type").size());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
