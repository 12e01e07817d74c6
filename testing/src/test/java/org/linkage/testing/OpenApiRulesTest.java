package org.linkage.testing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiRulesTest {

    /** These tests check the rules themselves, also in a run that rewrites the services' lists. */
    @BeforeEach
    void checkNotWrite() {
        System.clearProperty(OpenApiRules.WRITE_OWING);
    }
    private static final Map<String, Object> SECURED = Map.of("summary", "One call (来电详情)",
            "security", List.of(Map.of("SecurityScheme", List.of())));

    private static final Map<String, Object> PROBLEM = Map.of("content", Map.of("application/problem+json", Map.of()));

    private static Map<String, Object> document(Map<String, Object> callPost) {
        Map<String, Object> json = Map.of("application/json", Map.of("schema",
                Map.of("$ref", "#/components/schemas/Call")));
        Map<String, Object> get = new java.util.HashMap<>(SECURED);
        get.put("responses", Map.of("200", Map.of("content", json), "404", PROBLEM));
        return Map.of("paths", Map.of(
                        "/api/calls", Map.of("post", callPost),
                        "/api/calls/{id}", Map.of("get", get),
                        "/api/tickets", Map.of("get", get),
                        "/api/tickets/{ref}", Map.of("get", get),
                        "/q/health", Map.of("get", Map.of())),
                "components", Map.of("schemas", Map.of("Call", Map.of("example", Map.of("id", "1", "content", "拖欠工资")),
                        "CallRequest", Map.of("properties", Map.of()))));
    }

    private static Map<String, Object> post(boolean summary, boolean example) {
        Map<String, Object> op = new java.util.HashMap<>(SECURED);
        if (!summary) {
            op.remove("summary");
        }
        op.put("requestBody", Map.of("content", Map.of("application/json", example
                ? Map.of("example", Map.of("content", "拖欠工资"))
                : Map.of("schema", Map.of("$ref", "#/components/schemas/CallRequest")))));
        op.put("responses", Map.of("201", Map.of(), "400", PROBLEM));
        return op;
    }

    @Test
    void anOperationWithoutASummaryOrAnExampleIsFound() {
        Map<String, Object> doc = document(post(false, false));
        assertEquals(Set.of("POST /api/calls"), OpenApiRules.withoutSummaryOrSecurity(doc));
        assertEquals(Set.of("POST /api/calls"), OpenApiRules.withoutExample(doc));
        assertEquals(Set.of("GET /api/calls/{id}", "GET /api/tickets", "GET /api/tickets/{ref}", "POST /api/calls"),
                OpenApiRules.operations(doc), "only /api/ operations count");
    }

    @Test
    void aFailureNotShownAsProblemJsonIsFound() {
        Map<String, Object> op = post(true, true);
        op.put("responses", Map.of("201", Map.of(), "400", Map.of("description", "Bad Request")));
        assertEquals(Set.of("POST /api/calls"), OpenApiRules.withoutProblemBody(document(op)));
        assertEquals(Set.of(), OpenApiRules.withoutProblemBody(document(post(true, true))));
    }

    @Test
    void aMostUsedOperationNeedsAChineseExampleAndAFailureOfItsOwn() {
        Map<String, Object> doc = document(post(true, true));
        OpenApiRules.assertExplained(doc, "POST /api/calls", "GET /api/calls/{id}");
        Map<String, Object> english = post(true, false);
        english.put("requestBody", Map.of("content", Map.of("application/json", Map.of("example",
                Map.of("content", "unpaid wages")))));
        AssertionFailedError noChinese = assertThrows(AssertionFailedError.class,
                () -> OpenApiRules.assertExplained(document(english), "POST /api/calls"));
        assertTrue(noChinese.getMessage().contains("no example request with Chinese content"), noChinese.getMessage());
        Map<String, Object> onlyAuth = post(true, true);
        onlyAuth.put("responses", Map.of("201", Map.of(), "401", PROBLEM, "403", PROBLEM));
        AssertionFailedError noFailure = assertThrows(AssertionFailedError.class,
                () -> OpenApiRules.assertExplained(document(onlyAuth), "POST /api/calls", "GET /api/nothing"));
        assertTrue(noFailure.getMessage().contains("names no failure of its own"), noFailure.getMessage());
        assertTrue(noFailure.getMessage().contains("GET /api/nothing: not in the document"), noFailure.getMessage());
    }

    @Test
    void aSchemaExampleCountsInEitherForm() {
        Map<String, Object> op = post(true, false);
        Map<String, Object> doc = new java.util.HashMap<>(document(op));
        doc.put("components", Map.of("schemas", Map.of("Call", Map.of("example", Map.of("id", "1")),
                "CallRequest", Map.of("examples", List.of(Map.of("content", "拖欠工资"))))));
        assertEquals(Set.of(), OpenApiRules.withoutExample(doc));
    }

    @Test
    void theListedOperationsMayOweButNoOther() {
        OpenApiRules.assertComplete(document(post(true, false)), "openapi-owing-sample.txt");
        AssertionFailedError added = assertThrows(AssertionFailedError.class,
                () -> OpenApiRules.assertComplete(document(post(false, false)), "openapi-owing-sample.txt"));
        assertTrue(added.getMessage().contains("summary POST /api/calls"), added.getMessage());
    }

    @Test
    void aListedOperationThatIsDocumentedNowMustLeaveTheList() {
        AssertionFailedError paid = assertThrows(AssertionFailedError.class,
                () -> OpenApiRules.assertComplete(document(post(true, true)), "openapi-owing-sample.txt"));
        assertTrue(paid.getMessage().contains("example POST /api/calls"), paid.getMessage());
    }
}
