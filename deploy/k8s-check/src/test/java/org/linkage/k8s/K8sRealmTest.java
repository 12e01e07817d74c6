package org.linkage.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The production realm (KeycloakRealmImport) is the local stack's realm (deploy/keycloak/linkage-realm.json) with
 * the demo users removed and production settings, nothing else: a role, client or mapper added to the local realm
 * fails this test until it is carried over. The rules are those written at the top of realm-import.yaml.
 */
class K8sRealmTest {
    /** Realm settings production sets (all others come from the local realm unchanged). */
    static final Map<String, Object> PRODUCTION = new TreeMap<>(Map.ofEntries(
            Map.entry("sslRequired", "external"),
            Map.entry("accessTokenLifespan", 300),
            Map.entry("ssoSessionIdleTimeout", 1800),
            Map.entry("ssoSessionMaxLifespan", 43200),
            Map.entry("revokeRefreshToken", true),
            Map.entry("refreshTokenMaxReuse", 0),
            Map.entry("bruteForceProtected", true),
            Map.entry("permanentLockout", false),
            Map.entry("failureFactor", 5),
            Map.entry("waitIncrementSeconds", 60),
            Map.entry("maxFailureWaitSeconds", 900),
            Map.entry("maxDeltaTimeSeconds", 43200),
            Map.entry("minimumQuickLoginWaitSeconds", 60),
            Map.entry("quickLoginCheckMilliSeconds", 1000),
            Map.entry("passwordPolicy", "length(12) and maxLength(128) and notUsername and notEmail and passwordHistory(5)"
                    + " and digits(1) and lowerCase(1) and upperCase(1)"),
            Map.entry("rememberMe", false),
            Map.entry("eventsEnabled", true),
            Map.entry("eventsExpiration", 7776000),
            Map.entry("adminEventsEnabled", true),
            Map.entry("adminEventsDetailsEnabled", false)));

    static ObjectNode derive(JsonNode local) {
        ObjectMapper m = Yaml.MAPPER;
        ObjectNode realm = local.deepCopy();
        ArrayNode users = m.createArrayNode();
        realm.path("users").forEach(u -> {
            if (u.hasNonNull("serviceAccountClientId")) {
                users.add(u);
            }
        });
        realm.set("users", users);
        for (JsonNode c : realm.path("clients")) {
            ObjectNode client = (ObjectNode) c;
            if (client.path("publicClient").asBoolean(false)) {
                client.put("directAccessGrantsEnabled", false);
                client.put("implicitFlowEnabled", false);
                client.putArray("redirectUris").add("${LINKAGE_CONSOLE_URL}/*");
                client.putArray("webOrigins").add("${LINKAGE_CONSOLE_URL}");
                ObjectNode attrs = client.has("attributes") ? (ObjectNode) client.get("attributes") : client.putObject("attributes");
                attrs.put("pkce.code.challenge.method", "S256");
                attrs.put("post.logout.redirect.uris", "${LINKAGE_CONSOLE_URL}/*");
            } else if (client.has("secret")) {
                client.put("secret", "${" + client.path("clientId").asText().toUpperCase().replace('-', '_') + "_CLIENT_SECRET}");
            }
        }
        PRODUCTION.forEach((k, v) -> realm.set(k, m.valueToTree(v)));
        return realm;
    }

    static JsonNode productionImport() {
        return K8sManifestsTest.named(Kustomize.build(Project.locate().k8s().resolve("overlays/production")),
                "KeycloakRealmImport", "linkage");
    }

    /**
     * With -Dlinkage.k8s.regenerate-realm=true the test first rewrites realm-import.yaml from the local realm (its
     * header comment kept), so a change to deploy/keycloak/linkage-realm.json is carried over with one command:
     * mvn -B -q verify -pl deploy/k8s-check -Dtest=K8sRealmTest -Dlinkage.k8s.regenerate-realm=true
     */
    @Test
    void theProductionRealmIsTheLocalRealmWithoutDemoUsersAndWithProductionSettings() throws IOException {
        Project project = Project.locate();
        JsonNode local = Yaml.MAPPER.readTree(project.root.resolve("deploy/keycloak/linkage-realm.json").toFile());
        if (Boolean.getBoolean("linkage.k8s.regenerate-realm")) {
            regenerate(project, derive(local));
        }
        JsonNode imported = productionImport().path("spec").path("realm");
        assertEquals(Yaml.write(sortedCopy(derive(local))), Yaml.write(sortedCopy(imported)),
                "realm-import.yaml is derived from deploy/keycloak/linkage-realm.json (see its header)");
    }

    private static void regenerate(Project project, ObjectNode realm) throws IOException {
        java.nio.file.Path file = project.k8s().resolve("base/keycloak/realm-import.yaml");
        String text = java.nio.file.Files.readString(file);
        StringBuilder header = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!line.startsWith("#")) {
                break;
            }
            header.append(line).append('\n');
        }
        ObjectNode cr = (ObjectNode) Yaml.readOne(file);
        ((ObjectNode) cr.get("spec")).set("realm", realm);
        com.fasterxml.jackson.dataformat.yaml.YAMLMapper out = com.fasterxml.jackson.dataformat.yaml.YAMLMapper.builder()
                .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build();
        java.nio.file.Files.writeString(file, header + out.writeValueAsString(cr));
    }

    @Test
    void theProductionRealmIsSafe() {
        JsonNode spec = productionImport().path("spec");
        JsonNode realm = spec.path("realm");
        assertFalse("none".equals(realm.path("sslRequired").asText()), "TLS required");
        assertTrue(realm.path("bruteForceProtected").asBoolean());
        assertFalse(realm.path("passwordPolicy").asText("").isBlank());
        assertTrue(realm.path("accessTokenLifespan").asInt() <= 300, "short access tokens");
        assertTrue(realm.path("ssoSessionIdleTimeout").asInt() > realm.path("accessTokenLifespan").asInt(), "refresh within a session");
        for (JsonNode u : realm.path("users")) {
            assertTrue(u.hasNonNull("serviceAccountClientId"), "no demo user: " + u.path("username").asText());
            assertTrue(u.path("credentials").isMissingNode(), "no password in the realm");
        }
        int publicClients = 0;
        for (JsonNode c : realm.path("clients")) {
            if (c.path("publicClient").asBoolean(false)) {
                publicClients++;
                assertFalse(c.path("directAccessGrantsEnabled").asBoolean(true), c.path("clientId").asText());
                assertEquals("S256", c.path("attributes").path("pkce.code.challenge.method").asText(), c.path("clientId").asText());
                c.path("redirectUris").forEach(u -> assertTrue(u.asText().startsWith("${LINKAGE_CONSOLE_URL}"), u.asText()));
            } else {
                String secret = c.path("secret").asText("");
                assertTrue(secret.isEmpty() || secret.matches("\\$\\{[A-Z_]+}"), c.path("clientId").asText() + ": no committed secret");
                if (!secret.isEmpty()) {
                    assertTrue(spec.path("placeholders").has(secret.substring(2, secret.length() - 1)),
                            "placeholder " + secret + " comes from a Secret");
                }
            }
        }
        assertEquals(1, publicClients, "the console");
        assertTrue(spec.path("placeholders").has("LINKAGE_CONSOLE_URL"));
    }

    private static JsonNode sortedCopy(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = Yaml.MAPPER.createObjectNode();
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                fields.put(e.getKey(), e.getValue());
            }
            fields.forEach((k, v) -> out.set(k, sortedCopy(v)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Yaml.MAPPER.createArrayNode();
            node.forEach(n -> out.add(sortedCopy(n)));
            return out;
        }
        return node;
    }
}
