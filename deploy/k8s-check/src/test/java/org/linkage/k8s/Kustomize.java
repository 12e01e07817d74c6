package org.linkage.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization directory the way {@code kustomize build} does, for the subset of Kustomize that
 * deploy/k8s uses (no kustomize binary is packaged for Debian bookworm or on Maven Central):
 * {@code resources} (files and kustomization directories, recursively), {@code namespace}, {@code patches} with a
 * {@code path} to a strategic-merge patch (matched by apiVersion group, kind and name; {@code $patch: delete}),
 * {@code images} (newName, newTag, digest) and {@code configMapGenerator} (files, literals, options, with
 * disableNameSuffixHash). Any other field of a kustomization is refused, so a feature this renderer does not
 * implement cannot be silently ignored. {@link KustomizeFidelityTest} compares its output with a real
 * {@code kubectl kustomize} wherever one is installed.
 */
final class Kustomize {
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "patches",
            "images", "configMapGenerator");
    /** Kinds that have no namespace: the namespace transformer leaves them alone. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "IngressClass");
    /**
     * Merge keys of the Kubernetes API's lists (patchMergeKey) for the fields a patch may reach in built-in kinds.
     * For other kinds and fields kustomize (kyaml) falls back to the first of {@link #ASSOCIATIVE_KEYS} that every
     * element carries, and replaces lists whose elements have none.
     */
    private static final Map<String, String> BUILTIN_MERGE_KEYS = Map.of(
            "containers", "name", "initContainers", "name", "env", "name", "volumes", "name",
            "volumeMounts", "mountPath", "ports", "containerPort", "imagePullSecrets", "name");
    private static final List<String> ASSOCIATIVE_KEYS = List.of("mountPath", "devicePath", "ip", "type",
            "topologyKey", "name", "containerPort");
    private static final Set<String> BUILTIN_GROUPS = Set.of("", "apps", "batch", "policy", "autoscaling",
            "networking.k8s.io", "rbac.authorization.k8s.io");

    private Kustomize() {
    }

    /** The objects of {@code dir}'s kustomization, in the order they were loaded. */
    static List<ObjectNode> build(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + dir);
        }
        JsonNode k = Yaml.readOne(file);
        for (Iterator<String> it = k.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(file + ": kustomization field '" + field
                        + "' is not supported by this renderer (supported: " + SUPPORTED + ")");
            }
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            if (Files.isDirectory(p)) {
                objects.addAll(build(p));
            } else {
                for (JsonNode doc : Yaml.readAll(p)) {
                    objects.add(requireObject(doc, p));
                }
            }
        }
        for (JsonNode g : k.path("configMapGenerator")) {
            objects.add(configMap(dir, g));
        }
        for (JsonNode patch : k.path("patches")) {
            if (patch.has("target") || patch.has("patch") || !patch.has("path")) {
                throw new IllegalArgumentException(file + ": only 'patches: - path: <strategic merge patch>' is supported");
            }
            Path p = dir.resolve(patch.get("path").asText());
            List<JsonNode> docs = Yaml.readAll(p);
            if (docs.size() != 1) {
                throw new IllegalArgumentException(p + ": a patch file holds exactly one patch");
            }
            applyPatch(objects, requireObject(docs.get(0), p), p);
        }
        for (JsonNode image : k.path("images")) {
            for (ObjectNode o : objects) {
                setImages(o, image);
            }
        }
        if (k.hasNonNull("namespace")) {
            String ns = k.get("namespace").asText();
            for (ObjectNode o : objects) {
                if (!CLUSTER_SCOPED.contains(o.path("kind").asText())) {
                    metadata(o).put("namespace", ns);
                }
            }
        }
        return objects;
    }

    static String id(JsonNode o) {
        return group(o.path("apiVersion").asText()) + "/" + o.path("kind").asText() + "/"
                + o.path("metadata").path("namespace").asText("") + "/" + o.path("metadata").path("name").asText();
    }

    private static ObjectNode requireObject(JsonNode doc, Path from) {
        if (!(doc instanceof ObjectNode o) || !o.hasNonNull("kind") || !o.hasNonNull("apiVersion")
                || !o.path("metadata").hasNonNull("name")) {
            throw new IllegalArgumentException(from + ": every document needs apiVersion, kind and metadata.name: " + doc);
        }
        return o;
    }

    private static ObjectNode metadata(ObjectNode o) {
        return (ObjectNode) o.get("metadata");
    }

    private static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    private static ObjectNode configMap(Path dir, JsonNode g) {
        JsonNode options = g.path("options");
        if (!options.path("disableNameSuffixHash").asBoolean(false)) {
            throw new IllegalArgumentException("configMapGenerator " + g.path("name").asText()
                    + ": only disableNameSuffixHash: true is supported (the hash suffix is not implemented)");
        }
        for (Iterator<String> it = g.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Set.of("name", "files", "literals", "options").contains(f)) {
                throw new IllegalArgumentException("configMapGenerator field '" + f + "' is not supported");
            }
        }
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode cm = f.objectNode();
        cm.put("apiVersion", "v1");
        cm.put("kind", "ConfigMap");
        ObjectNode meta = cm.putObject("metadata");
        meta.put("name", g.path("name").asText());
        if (options.has("labels")) {
            meta.set("labels", options.get("labels").deepCopy());
        }
        if (options.has("annotations")) {
            meta.set("annotations", options.get("annotations").deepCopy());
        }
        ObjectNode data = f.objectNode();
        for (JsonNode file : g.path("files")) {
            String spec = file.asText();
            int eq = spec.indexOf('=');
            String key = eq < 0 ? Path.of(spec).getFileName().toString() : spec.substring(0, eq);
            Path p = dir.resolve(eq < 0 ? spec : spec.substring(eq + 1));
            try {
                data.put(key, Files.readString(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (JsonNode literal : g.path("literals")) {
            String spec = literal.asText();
            int eq = spec.indexOf('=');
            data.put(spec.substring(0, eq), spec.substring(eq + 1));
        }
        cm.set("data", data);
        return cm;
    }

    private static void applyPatch(List<ObjectNode> objects, ObjectNode patch, Path from) {
        String wanted = group(patch.path("apiVersion").asText()) + "/" + patch.path("kind").asText() + "/"
                + patch.path("metadata").path("name").asText();
        String ns = patch.path("metadata").path("namespace").asText(null);
        List<ObjectNode> matches = new ArrayList<>();
        for (ObjectNode o : objects) {
            String have = group(o.path("apiVersion").asText()) + "/" + o.path("kind").asText() + "/"
                    + o.path("metadata").path("name").asText();
            if (have.equals(wanted) && (ns == null || ns.equals(o.path("metadata").path("namespace").asText(null)))) {
                matches.add(o);
            }
        }
        if (matches.size() != 1) {
            throw new IllegalArgumentException(from + ": the patch must match exactly one resource, found "
                    + matches.size() + " for " + wanted);
        }
        ObjectNode target = matches.get(0);
        if ("delete".equals(patch.path("$patch").asText(null))) {
            objects.remove(target);
            return;
        }
        boolean builtin = BUILTIN_GROUPS.contains(group(target.path("apiVersion").asText()));
        merge(target, patch, builtin);
    }

    /** Strategic merge of {@code patch} into {@code target}: maps merge, null deletes, lists merge by key or are replaced. */
    static void merge(ObjectNode target, ObjectNode patch, boolean builtin) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            JsonNode existing = target.get(key);
            if (value.isNull()) {
                target.remove(key);
            } else if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) value, builtin);
            } else if (value.isArray() && existing != null && existing.isArray()) {
                target.set(key, mergeList(key, (ArrayNode) existing, (ArrayNode) value, builtin));
            } else {
                target.set(key, value.deepCopy());
            }
        }
    }

    private static ArrayNode mergeList(String field, ArrayNode existing, ArrayNode patch, boolean builtin) {
        String mergeKey = builtin ? BUILTIN_MERGE_KEYS.get(field) : null;
        if (mergeKey == null) {
            mergeKey = associativeKey(existing, patch);
        }
        if (mergeKey == null || patch.isEmpty()) {
            return patch.deepCopy();
        }
        Map<String, ObjectNode> byKey = new LinkedHashMap<>();
        for (JsonNode item : existing) {
            byKey.put(item.path(mergeKey).asText(), (ObjectNode) item.deepCopy());
        }
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        List<ObjectNode> added = new ArrayList<>();
        for (JsonNode item : patch) {
            ObjectNode current = byKey.get(item.path(mergeKey).asText());
            if (current == null) {
                added.add((ObjectNode) item.deepCopy());
            } else if ("delete".equals(item.path("$patch").asText(null))) {
                byKey.remove(item.path(mergeKey).asText());
            } else {
                merge(current, (ObjectNode) item, builtin);
            }
        }
        // kustomize puts the elements only the patch has first, then the existing ones in their order
        added.forEach(result::add);
        byKey.values().forEach(result::add);
        return result;
    }

    private static String associativeKey(ArrayNode existing, ArrayNode patch) {
        for (String key : ASSOCIATIVE_KEYS) {
            boolean all = !existing.isEmpty();
            for (JsonNode item : existing) {
                all &= item.isObject() && item.has(key);
            }
            for (JsonNode item : patch) {
                all &= item.isObject() && item.has(key);
            }
            if (all) {
                return key;
            }
        }
        return null;
    }

    private static void setImages(JsonNode node, JsonNode image) {
        if (node.isObject()) {
            for (String list : List.of("containers", "initContainers")) {
                for (JsonNode c : node.path(list)) {
                    if (c.isObject() && c.has("image")) {
                        String replaced = replaceImage(c.get("image").asText(), image);
                        ((ObjectNode) c).put("image", replaced);
                    }
                }
            }
            node.elements().forEachRemaining(child -> setImages(child, image));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> setImages(child, image));
        }
    }

    private static String replaceImage(String ref, JsonNode image) {
        String name = ref;
        String tag = null;
        int at = ref.indexOf('@');
        if (at >= 0) {
            name = ref.substring(0, at);
            tag = ref.substring(at);
        } else {
            int colon = ref.lastIndexOf(':');
            if (colon > ref.lastIndexOf('/')) {
                name = ref.substring(0, colon);
                tag = ref.substring(colon);
            }
        }
        if (!name.equals(image.path("name").asText())) {
            return ref;
        }
        String newName = image.path("newName").asText(name);
        if (image.hasNonNull("digest")) {
            tag = "@" + image.get("digest").asText();
        } else if (image.hasNonNull("newTag")) {
            tag = ":" + image.get("newTag").asText();
        }
        return newName + (tag == null ? "" : tag);
    }
}
