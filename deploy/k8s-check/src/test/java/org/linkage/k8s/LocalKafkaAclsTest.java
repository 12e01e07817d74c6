package org.linkage.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.linkage.stack.KafkaUsers;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The local broker (deploy/run, every service's tests, e2e) grants each service exactly what its production
 * KafkaUser grants: one table in deploy/stack (KafkaUsers) and one in the manifests, kept equal here so that a
 * right added to one and not the other fails the build instead of passing tests that production would refuse.
 */
class LocalKafkaAclsTest {

    @Test
    void theLocalBrokersAclsAreTheProductionKafkaUsers() {
        Project project = Project.locate();
        for (Path overlay : project.overlays()) {
            List<ObjectNode> users = Kustomize.build(overlay).stream()
                    .filter(o -> "KafkaUser".equals(o.path("kind").asText())).toList();
            Map<String, Set<String>> manifests = new TreeMap<>();
            for (ObjectNode user : users) {
                Set<String> acls = new TreeSet<>();
                for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                    JsonNode r = acl.path("resource");
                    for (JsonNode op : acl.path("operations")) {
                        acls.add(entry(r.path("type").asText(), r.path("name").asText(),
                                r.path("patternType").asText("literal"), op.asText()));
                    }
                }
                manifests.put(user.path("metadata").path("name").asText(), acls);
            }
            Map<String, Set<String>> local = new TreeMap<>();
            for (KafkaUsers.User service : KafkaUsers.SERVICES) {
                local.put(service.name(), service.acls().stream()
                        .flatMap(a -> a.operations().stream().map(op -> entry(a.type().name(), a.name(),
                                a.pattern().name(), op.name())))
                        .collect(Collectors.toCollection(TreeSet::new)));
            }
            assertEquals(manifests, local, overlay.getFileName() + ": deploy/k8s/base/kafka/users.yaml and deploy/stack "
                    + "KafkaUsers.SERVICES must grant the same rights");
        }
    }

    @Test
    void noLocalOnlyUserIsAProductionUser() {
        Set<String> production = Project.SERVICES.stream().collect(Collectors.toSet());
        for (KafkaUsers.User client : KafkaUsers.LOCAL_CLIENTS) {
            assertFalse(production.contains(client.name()), client.name());
        }
        assertEquals(production, KafkaUsers.SERVICES.stream().map(KafkaUsers.User::name).collect(Collectors.toSet()));
    }

    /** type:name:pattern:operation, spelt the same whichever side it came from (Strimzi: Write; Kafka: WRITE). */
    private static String entry(String type, String name, String pattern, String operation) {
        return String.join(":", type.toLowerCase(Locale.ROOT), name, pattern.toLowerCase(Locale.ROOT),
                operation.toLowerCase(Locale.ROOT));
    }
}
