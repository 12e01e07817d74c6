package org.linkage.intake.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.intake.repository.CallRepository;
import org.linkage.intake.support.CallFixtures;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyIterable;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@TestSecurity(user = "calltaker1", roles = "call-taker")
class PreviewTest {
    @Inject
    CallRepository calls;

    @Test
    void classifiesWithoutWritingAnything() {
        long before = calls.count();
        given().contentType(ContentType.JSON).body(Map.of("text", CallFixtures.KNIFE))
                .when().post("/api/classifications/preview")
                .then().statusCode(200)
                .body("disposition", equalTo("POLICE"))
                .body("signals", not(emptyIterable()));
        given().contentType(ContentType.JSON).body(Map.of("text", CallFixtures.WAGES, "title", "欠薪"))
                .when().post("/api/classifications/preview")
                .then().statusCode(200)
                .body("disposition", equalTo("NON_POLICE"))
                .body("categoryCode", equalTo("WAGES"));
        assertEquals(before, calls.count());
    }

    @Test
    void referenceDataIsServed() {
        given().when().get("/api/categories").then().statusCode(200).body("code", hasItem("WAGES"));
        given().when().get("/api/districts").then().statusCode(200).body("code", hasItem("510107"));
    }
}
