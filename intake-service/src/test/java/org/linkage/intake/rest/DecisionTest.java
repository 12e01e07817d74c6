package org.linkage.intake.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.intake.repository.CallRepository;
import org.linkage.intake.support.CallFixtures;
import org.linkage.intake.support.CallRows;
import jakarta.inject.Inject;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.linkage.intake.support.CallFixtures.call;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@TestSecurity(user = "calltaker1", roles = "call-taker")
class DecisionTest {
    @Inject
    CallRepository calls;

    @Test
    void confirmingANonPoliceSuggestionRefersTheCall() {
        UUID id = CallFixtures.post(call(CallFixtures.WAGES));
        given().when().post("/api/calls/{id}/confirmation", id)
                .then().statusCode(200)
                .body("decision", equalTo("CONFIRMED"))
                .body("decidedBy", equalTo("calltaker1"))
                .body("referral.referralId", notNullValue());
    }

    @Test
    void aCallIsDecidedOnlyOnce() {
        UUID id = CallFixtures.post(call(CallFixtures.WAGES));
        given().when().post("/api/calls/{id}/confirmation", id).then().statusCode(200);
        given().when().post("/api/calls/{id}/confirmation", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("currentDecision", equalTo("CONFIRMED"));
        given().contentType(ContentType.JSON)
                .body(Map.of("disposition", "POLICE", "categoryCode", "CRIME", "reason", "太晚了"))
                .when().post("/api/calls/{id}/override", id)
                .then().statusCode(409);
    }

    @Test
    void anOverrideNeedsAReason() {
        UUID id = CallFixtures.post(call(CallFixtures.WAGES));
        given().contentType(ContentType.JSON).body(Map.of("disposition", "JOINT", "categoryCode", "WAGES"))
                .when().post("/api/calls/{id}/override", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON)
                .body(Map.of("disposition", "JOINT", "categoryCode", "WAGES", "reason", "  "))
                .when().post("/api/calls/{id}/override", id)
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().when().get("/api/calls/{id}", id).then().body("decision", equalTo("PENDING"));
    }

    @Test
    void anOverrideToJointIsReferredWithItsReason() {
        UUID id = CallFixtures.post(call(CallFixtures.WAGES));
        given().contentType(ContentType.JSON)
                .body(Map.of("disposition", "JOINT", "categoryCode", "WAGES", "reason", "双方已在工地推搡，需先行派警"))
                .when().post("/api/calls/{id}/override", id)
                .then().statusCode(200)
                .body("decision", equalTo("OVERRIDDEN"))
                .body("disposition", equalTo("JOINT"))
                .body("overrideReason", equalTo("双方已在工地推搡，需先行派警"))
                .body("urgency", equalTo("URGENT"))
                .body("referral.disposition", equalTo("JOINT"))
                .body("audit.find { it.action == 'OVERRIDDEN' }.reason", equalTo("双方已在工地推搡，需先行派警"))
                .body("audit.find { it.action == 'OVERRIDDEN' }.actor", equalTo("calltaker1"));
    }

    @Test
    void anOverrideToPoliceIsNotReferred() {
        UUID id = CallFixtures.post(call(CallFixtures.WAGES));
        given().contentType(ContentType.JSON)
                .body(Map.of("disposition", "POLICE", "categoryCode", "PUBLIC_ORDER", "reason", "来电人称正被威胁"))
                .when().post("/api/calls/{id}/override", id)
                .then().statusCode(200)
                .body("disposition", equalTo("POLICE"))
                .body("referral", nullValue());
    }

    @Test
    void theCategoryMustFitTheDisposition() {
        UUID id = CallFixtures.post(call(CallFixtures.WAGES));
        given().contentType(ContentType.JSON)
                .body(Map.of("disposition", "NON_POLICE", "categoryCode", "CRIME", "reason", "x"))
                .when().post("/api/calls/{id}/override", id)
                .then().statusCode(400).body("errors.field", hasItem("categoryCode"));
        given().contentType(ContentType.JSON)
                .body(Map.of("disposition", "NON_POLICE", "categoryCode", "NO_SUCH", "reason", "x"))
                .when().post("/api/calls/{id}/override", id)
                .then().statusCode(400).body("errors.field", hasItem("categoryCode"));
        given().contentType(ContentType.JSON)
                .body(Map.of("disposition", "INVALID", "reason", "无声电话"))
                .when().post("/api/calls/{id}/override", id)
                .then().statusCode(200).body("disposition", equalTo("INVALID")).body("referral", nullValue());
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aSupervisorMayCorrectAnyonesCall() {
        UUID id = CallRows.insert(calls, c -> c.takenBy = "calltaker-night");
        given().contentType(ContentType.JSON)
                .body(Map.of("disposition", "NON_POLICE", "categoryCode", "PROPERTY", "reason", "物业问题，非噪声"))
                .when().post("/api/calls/{id}/override", id)
                .then().statusCode(200)
                .body("decidedBy", equalTo("supervisor1"))
                .body("categoryCode", equalTo("PROPERTY"))
                .body("referral.categoryCode", equalTo("PROPERTY"));
    }

    @Test
    @TestSecurity(user = "calltaker-day", roles = "call-taker")
    void aCallTakerCannotDecideAColleaguesCall() {
        UUID id = CallRows.insert(calls, c -> c.takenBy = "calltaker-night");
        given().when().post("/api/calls/{id}/confirmation", id).then().statusCode(404);
    }
}
