package org.linkage.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a real kustomize is installed ({@code kustomize} or {@code kubectl}, which embeds it), every overlay rendered
 * by it must equal what {@link Kustomize} renders, object for object, so the offline renderer the other tests rely
 * on is shown to be faithful for these manifests. Skipped (and said so) on a machine with neither.
 */
class KustomizeFidelityTest {

    @Test
    void theOfflineRendererAgreesWithRealKustomize() throws Exception {
        Optional<List<String>> command = command();
        Assumptions.assumeTrue(command.isPresent(), "no kustomize or kubectl on PATH: fidelity not compared here");
        Project project = Project.locate();
        for (Path overlay : project.overlays()) {
            List<String> cmd = new ArrayList<>(command.get());
            cmd.add(overlay.toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kustomize finished");
            assertEquals(0, p.exitValue(), overlay + ": " + String.join(" ", cmd) + " failed: " + err);
            Map<String, JsonNode> real = byId(Yaml.readAll(new String(out, StandardCharsets.UTF_8)));
            Map<String, JsonNode> ours = new TreeMap<>();
            for (ObjectNode o : Kustomize.build(overlay)) {
                ours.put(Kustomize.id(o), o);
            }
            assertEquals(real.keySet(), ours.keySet(), overlay + ": the same objects");
            for (String id : real.keySet()) {
                assertEquals(Yaml.write(sorted(real.get(id))), Yaml.write(sorted(ours.get(id))), overlay + ": " + id);
            }
        }
    }

    private static Map<String, JsonNode> byId(List<JsonNode> docs) {
        Map<String, JsonNode> m = new TreeMap<>();
        docs.forEach(d -> m.put(Kustomize.id(d), d));
        return m;
    }

    /** The same tree with object keys in sorted order (ObjectNode equality ignores order; its YAML does not). */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = Yaml.MAPPER.createObjectNode();
            new TreeMap<String, JsonNode>(toMap(node)).forEach((k, v) -> out.set(k, sorted(v)));
            return out;
        }
        if (node.isArray()) {
            var out = Yaml.MAPPER.createArrayNode();
            node.forEach(n -> out.add(sorted(n)));
            return out;
        }
        return node;
    }

    private static Map<String, JsonNode> toMap(JsonNode node) {
        Map<String, JsonNode> m = new TreeMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
        return m;
    }

    /**
     * Kustomize 4 or later: older ones (such as the v2 inside Debian bookworm's kubectl 1.20) lack the patches field
     * these overlays use, so comparing with them says nothing.
     */
    private static boolean modernKustomize(List<String> versionCommand) {
        try {
            Process p = new ProcessBuilder(versionCommand).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:Kustomize Version: |^)v?(\\d+)\\.",
                    java.util.regex.Pattern.MULTILINE).matcher(out);
            return m.find() && Integer.parseInt(m.group(1)) >= 4;
        } catch (Exception e) {
            return false;
        }
    }

    private static Optional<List<String>> command() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : List.of("kustomize", "kubectl")) {
            for (String dir : path.split(File.pathSeparator)) {
                Path exe = Path.of(dir, name);
                if (Files.isExecutable(exe) && modernKustomize(name.equals("kustomize")
                        ? List.of(exe.toString(), "version") : List.of(exe.toString(), "version", "--client"))) {
                    return Optional.of(name.equals("kustomize") ? List.of(exe.toString(), "build")
                            : List.of(exe.toString(), "kustomize"));
                }
            }
        }
        return Optional.empty();
    }
}
