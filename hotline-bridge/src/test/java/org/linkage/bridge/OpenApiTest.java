package org.linkage.bridge;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.OpenApiRules;
import org.linkage.testing.PostgresResource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every operation in /q/openapi says what it does (a summary), who may call it (its security), shows an example where
 * it takes or answers JSON, and shows each failure it names as problem+json. {@code openapi-owing.txt}, the list of
 * operations documented before the rule that still owed one, is gone: none owes anything now, so every operation must.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class OpenApiTest {

    @Test
    void everyNewOperationIsDocumentedWithAnExample() {
        OpenApiRules.assertComplete(given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200).extract().jsonPath().getMap("$"), "openapi-owing.txt");
    }

    /** The operation used most (a department system's webhook): a Chinese example, its failures as problem+json. */
    @Test
    @SuppressWarnings("unchecked")
    void theMostUsedOperationsAreExplainedByExample() {
        var document = given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200).extract().jsonPath();
        OpenApiRules.assertExplained(document.getMap("$"), "POST /api/webhooks/departments/{departmentCode}");
        // the webhook's signature scheme sits beside the bearer tokens every other operation requires, not in place of it
        assertEquals(java.util.Set.of("SecurityScheme", "DepartmentSignature"),
                document.getMap("components.securitySchemes").keySet());
        Map<String, Object> webhook = (Map<String, Object>) ((Map<String, Object>) document.getMap("paths")
                .get("/api/webhooks/departments/{departmentCode}")).get("post");
        assertEquals(List.of(Map.of("DepartmentSignature", List.of())), webhook.get("security"));
    }
}
