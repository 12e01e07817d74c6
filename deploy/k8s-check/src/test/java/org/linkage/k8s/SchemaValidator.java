package org.linkage.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks Kubernetes objects against their schema, strictly: an unknown field anywhere fails.
 * <ul>
 * <li>Operator resources against the {@code openAPIV3Schema} of the CRD that serves their apiVersion, read from
 * shared/reference/k8s-crds, turned into JSON Schema as a strict kubeconform-style check does: every object schema
 * that lists {@code properties} gets {@code additionalProperties: false} unless it has
 * {@code x-kubernetes-preserve-unknown-fields}; {@code x-kubernetes-int-or-string} becomes "integer or string";
 * {@code nullable} admits null. {@code metadata} is checked as a Kubernetes ObjectMeta.</li>
 * <li>Core objects (and the Prometheus Operator's PodMonitor and PrometheusRule) against the Kubernetes API types of
 * the fabric8 model: read with scalar coercion off (a string where a number belongs fails), then every object of
 * the model is walked and any field that landed in its catch-all map is an unknown field. The required fields the
 * API server insists on are checked on top ({@link #required}).</li>
 * <li>Kinds with neither (CloudNativePG's ScheduledBackup: its CRD is not among the reference files) against a
 * strict JSON schema kept in src/test/resources/schemas.</li>
 * </ul>
 * A kind with no schema at all is an error, so nothing passes unchecked.
 */
final class SchemaValidator {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().build();
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();
    private static final Map<String, Class<?>> MODEL = Map.ofEntries(
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1/Secret", io.fabric8.kubernetes.api.model.Secret.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("v1/ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class),
            Map.entry("v1/Namespace", io.fabric8.kubernetes.api.model.Namespace.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("batch/v1/Job", io.fabric8.kubernetes.api.model.batch.v1.Job.class),
            Map.entry("policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", io.fabric8.openshift.api.model.monitoring.v1.PodMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule",
                    io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule.class));
    private static final Map<String, String> LOCAL_SCHEMAS = Map.of(
            "postgresql.cnpg.io/v1/ScheduledBackup", "schemas/cnpg-scheduledbackup.json");

    private final Map<String, JsonSchema> crdSchemas = new HashMap<>();
    private final Map<String, JsonSchema> localSchemas = new HashMap<>();

    /** Loads every CRD in {@code crdDir}: one schema per served apiVersion and kind. */
    SchemaValidator(Path crdDir) {
        if (!Files.isDirectory(crdDir)) {
            throw new IllegalStateException("CRD directory not found: " + crdDir
                    + " (shared/reference/k8s-crds beside the clone; set -Dlinkage.k8s.crds=...)");
        }
        try (Stream<Path> files = Files.list(crdDir)) {
            for (Path f : files.filter(p -> p.toString().matches(".*\\.ya?ml$")).sorted().toList()) {
                for (JsonNode doc : Yaml.readAll(f)) {
                    if (!"CustomResourceDefinition".equals(doc.path("kind").asText())) {
                        continue;
                    }
                    String group = doc.path("spec").path("group").asText();
                    String kind = doc.path("spec").path("names").path("kind").asText();
                    for (JsonNode v : doc.path("spec").path("versions")) {
                        if (v.path("served").asBoolean(false)) {
                            JsonNode schema = strict(v.path("schema").path("openAPIV3Schema"), true);
                            crdSchemas.put(group + "/" + v.path("name").asText() + "/" + kind,
                                    FACTORY.getSchema(schema, CONFIG));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (crdSchemas.isEmpty()) {
            throw new IllegalStateException("no CustomResourceDefinition found in " + crdDir);
        }
        for (Map.Entry<String, String> e : LOCAL_SCHEMAS.entrySet()) {
            try (InputStream in = SchemaValidator.class.getClassLoader().getResourceAsStream(e.getValue())) {
                localSchemas.put(e.getKey(), FACTORY.getSchema(STRICT.readTree(in), CONFIG));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    int crdKinds() {
        return crdSchemas.size();
    }

    boolean hasCrd(JsonNode object) {
        return crdSchemas.containsKey(key(object));
    }

    /** Every problem found in {@code object}, each naming the object; empty when it is valid. */
    List<String> validate(JsonNode object) {
        String key = key(object);
        String what = key + " " + object.path("metadata").path("name").asText("<no name>");
        List<String> errors = new ArrayList<>();
        JsonSchema crd = crdSchemas.get(key);
        JsonSchema local = localSchemas.get(key);
        Class<?> model = MODEL.get(key);
        if (crd != null || local != null) {
            for (ValidationMessage m : (crd != null ? crd : local).validate(object)) {
                errors.add(what + ": " + m.getMessage());
            }
            if (object.has("metadata")) {
                walkModel(object.get("metadata"), ObjectMeta.class, "$.metadata", errors, what);
            } else {
                errors.add(what + ": metadata is required");
            }
        } else if (model != null) {
            walkModel(object, model, "$", errors, what);
        } else {
            errors.add(what + ": no schema known for " + key + " (no CRD among the reference files, no model)");
            return errors;
        }
        required(object, errors, what);
        return errors;
    }

    private static String key(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    private static void walkModel(JsonNode node, Class<?> type, String path, List<String> errors, String what) {
        Object value;
        try {
            value = STRICT.treeToValue(node, type);
        } catch (IOException | IllegalArgumentException e) {
            StringBuilder where = new StringBuilder(path);
            Throwable cause = e instanceof IllegalArgumentException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof com.fasterxml.jackson.databind.JsonMappingException jme) {
                for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : jme.getPath()) {
                    where.append(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]");
                }
            }
            errors.add(what + ": " + where + ": " + cause.getMessage().lines().findFirst().orElse(""));
            return;
        }
        unknownFields(value, path, errors, what, new IdentityHashMap<>());
    }

    /** Anything in a model object's catch-all map is a field the Kubernetes API does not have. */
    private static void unknownFields(Object value, String path, List<String> errors, String what,
                                      IdentityHashMap<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                unknownFields(item, path + "[" + i++ + "]", errors, what, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                unknownFields(e.getValue(), path + "." + e.getKey(), errors, what, seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive() || f.getType().isEnum()
                        || f.getType() == String.class) {
                    continue;
                }
                Object child;
                try {
                    f.setAccessible(true);
                    child = f.get(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue;
                }
                if ("additionalProperties".equals(f.getName()) && child instanceof Map<?, ?> extra) {
                    for (Object k : extra.keySet()) {
                        errors.add(what + ": " + path + "." + k + ": unknown field");
                    }
                } else {
                    unknownFields(child, path + "." + f.getName(), errors, what, seen);
                }
            }
        }
    }

    /** What the API server requires beyond types: the fields without which it refuses or the object does nothing. */
    private static void required(JsonNode o, List<String> errors, String what) {
        JsonNode spec = o.path("spec");
        if (o.path("metadata").path("name").asText("").isBlank()) {
            errors.add(what + ": metadata.name is required");
        }
        switch (o.path("kind").asText()) {
            case "Deployment" -> {
                JsonNode selector = spec.path("selector").path("matchLabels");
                if (selector.isEmpty()) {
                    errors.add(what + ": spec.selector.matchLabels is required");
                }
                JsonNode labels = spec.path("template").path("metadata").path("labels");
                selector.fields().forEachRemaining(e -> {
                    if (!e.getValue().equals(labels.get(e.getKey()))) {
                        errors.add(what + ": the selector " + e.getKey() + " does not match the pod template's labels");
                    }
                });
                JsonNode containers = spec.path("template").path("spec").path("containers");
                if (containers.isEmpty()) {
                    errors.add(what + ": spec.template.spec.containers is required");
                }
                for (String list : List.of("containers", "initContainers")) {
                    for (JsonNode c : spec.path("template").path("spec").path(list)) {
                        for (String field : List.of("name", "image")) {
                            if (c.path(field).asText("").isBlank()) {
                                errors.add(what + ": every one of " + list + " needs a " + field);
                            }
                        }
                        for (JsonNode env : c.path("env")) {
                            if (env.has("value") == env.has("valueFrom")) {
                                errors.add(what + ": env " + env.path("name").asText() + " needs exactly one of value, valueFrom");
                            }
                        }
                    }
                }
            }
            case "Service" -> {
                if (spec.path("ports").isEmpty()) {
                    errors.add(what + ": spec.ports is required");
                }
                for (JsonNode p : spec.path("ports")) {
                    if (!p.path("port").isInt()) {
                        errors.add(what + ": every port needs a numeric port");
                    }
                }
            }
            case "PodDisruptionBudget" -> {
                if (spec.has("minAvailable") == spec.has("maxUnavailable")) {
                    errors.add(what + ": exactly one of minAvailable, maxUnavailable");
                }
                if (!spec.has("selector")) {
                    errors.add(what + ": spec.selector is required");
                }
            }
            case "HorizontalPodAutoscaler" -> {
                for (String field : List.of("kind", "name", "apiVersion")) {
                    if (spec.path("scaleTargetRef").path(field).asText("").isBlank()) {
                        errors.add(what + ": spec.scaleTargetRef." + field + " is required");
                    }
                }
                if (!spec.path("maxReplicas").isInt()) {
                    errors.add(what + ": spec.maxReplicas is required");
                }
            }
            case "NetworkPolicy" -> {
                if (!spec.has("podSelector")) {
                    errors.add(what + ": spec.podSelector is required");
                }
            }
            case "ConfigMap" -> o.path("data").fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual()) {
                    errors.add(what + ": data." + e.getKey() + " must be a string");
                }
            });
            case "PodMonitor" -> {
                if (spec.path("podMetricsEndpoints").isEmpty() || !spec.has("selector")) {
                    errors.add(what + ": spec.selector and spec.podMetricsEndpoints are required");
                }
            }
            case "PrometheusRule" -> {
                if (spec.path("groups").isEmpty()) {
                    errors.add(what + ": spec.groups is required");
                }
                for (JsonNode g : spec.path("groups")) {
                    for (JsonNode r : g.path("rules")) {
                        if (r.has("alert") == r.has("record") || r.path("expr").asText("").isBlank()) {
                            errors.add(what + ": every rule needs an expr and exactly one of alert, record");
                        }
                    }
                }
            }
            default -> {
            }
        }
    }

    /** The CRD's structural schema as a strict JSON Schema. */
    static JsonNode strict(JsonNode openApi, boolean root) {
        if (!openApi.isObject()) {
            return openApi;
        }
        ObjectNode in = (ObjectNode) openApi;
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        boolean preserve = in.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            JsonNode v = e.getValue();
            if (k.startsWith("x-kubernetes-") || k.equals("format") || k.equals("nullable") || k.equals("default")) {
                continue;
            }
            switch (k) {
                case "properties", "patternProperties", "definitions" -> {
                    ObjectNode props = out.putObject(k);
                    v.fields().forEachRemaining(p -> props.set(p.getKey(), strict(p.getValue(), false)));
                }
                case "items", "additionalProperties", "not" -> out.set(k, v.isObject() ? strict(v, false) : v);
                case "allOf", "anyOf", "oneOf" -> {
                    ArrayNode arr = out.putArray(k);
                    v.forEach(s -> arr.add(strict(s, false)));
                }
                default -> out.set(k, v.deepCopy());
            }
        }
        if (in.path("x-kubernetes-int-or-string").asBoolean(false)) {
            out.remove("type");
            ArrayNode anyOf = out.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
        }
        if (root) {
            ObjectNode props = out.has("properties") ? (ObjectNode) out.get("properties") : out.putObject("properties");
            props.putObject("apiVersion").put("type", "string");
            props.putObject("kind").put("type", "string");
            props.putObject("metadata").put("type", "object");
        }
        if (out.has("properties") && !out.has("additionalProperties") && !preserve) {
            out.put("additionalProperties", false);
        }
        if (in.path("nullable").asBoolean(false) && out.has("type")) {
            ArrayNode types = JsonNodeFactory.instance.arrayNode();
            types.add(out.get("type"));
            types.add("null");
            out.set("type", types);
        }
        return out;
    }
}
