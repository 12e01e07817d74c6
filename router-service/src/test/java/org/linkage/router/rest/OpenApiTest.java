package org.linkage.router.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.OpenApiRules;
import org.linkage.testing.PostgresResource;

import static io.restassured.RestAssured.given;

/**
 * Every operation in /q/openapi says what it does (a summary), who may call it (its security), shows an example where
 * it takes or answers JSON, and shows each failure it names as problem+json. {@code openapi-owing.txt}, the list of
 * operations documented before the rule that still owed one, is gone: none owes anything now, so every operation must.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class OpenApiTest {

    @Test
    void everyNewOperationIsDocumentedWithAnExample() {
        OpenApiRules.assertComplete(given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200).extract().jsonPath().getMap("$"), "openapi-owing.txt");
    }

    /** The operations used most (tickets signed, replied to, returned and called back) show a Chinese example and name their own failures as problem+json. */
    @Test
    void theMostUsedOperationsAreExplainedByExample() {
        OpenApiRules.assertExplained(given().queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200).extract().jsonPath().getMap("$"), "POST /api/tickets/{ref}/sign", "POST /api/tickets/{ref}/reply",
                "POST /api/tickets/{ref}/return", "POST /api/tickets/{ref}/callback");
    }
}
