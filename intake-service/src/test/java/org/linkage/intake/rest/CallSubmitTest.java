package org.linkage.intake.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.linkage.intake.support.CallFixtures;
import org.linkage.testing.Management;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.linkage.intake.support.CallFixtures.call;
import static org.linkage.intake.support.CallFixtures.with;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@TestSecurity(user = "calltaker1", roles = "call-taker")
class CallSubmitTest {

    @Test
    void oneClickTransferOfANonPoliceCallIsReferredAtOnce() {
        given().contentType(ContentType.JSON).body(with(call(CallFixtures.WAGES), "confirm", true))
                .when().post("/api/calls")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/calls/[0-9a-f-]{36}"))
                .body("callNumber", matchesPattern("110-\\d{8}-\\d{6}"))
                .body("retrievalCode", matchesPattern("[2-9A-HJKMNP-Z]{8}"))
                .body("takenBy", equalTo("calltaker1"))
                .body("classification.disposition", equalTo("NON_POLICE"))
                .body("classification.categoryCode", equalTo("WAGES"))
                .body("classification.modelVersion", not(emptyOrNullString()))
                .body("decision", equalTo("CONFIRMED"))
                .body("disposition", equalTo("NON_POLICE"))
                .body("referral.referralId", notNullValue())
                .body("referral.categoryCode", equalTo("WAGES"))
                .body("audit.action", hasItems("CREATED", "CLASSIFIED", "CONFIRMED", "REFERRED"));
    }

    @Test
    void aPoliceCallStaysWithPoliceAndIsNeverReferred() {
        given().contentType(ContentType.JSON).body(with(call(CallFixtures.KNIFE), "confirm", true))
                .when().post("/api/calls")
                .then().statusCode(201)
                .body("classification.disposition", equalTo("POLICE"))
                .body("disposition", equalTo("POLICE"))
                .body("decision", equalTo("CONFIRMED"))
                .body("referral", nullValue());
    }

    @Test
    void withoutConfirmationNothingIsReferred() {
        UUID id = CallFixtures.post(call(CallFixtures.WAGES));
        given().when().get("/api/calls/{id}", id)
                .then().statusCode(200)
                .body("decision", equalTo("PENDING"))
                .body("disposition", nullValue())
                .body("classification.disposition", equalTo("NON_POLICE"))
                .body("referral", nullValue());
    }

    @Test
    void callNumbersAreDistinctAndPhonesAreStoredInOneForm() {
        String first = given().contentType(ContentType.JSON)
                .body(with(call(CallFixtures.NOISE), "callerPhone", "+86 138-1234-5678"))
                .when().post("/api/calls").then().statusCode(201).extract().path("callNumber");
        String second = given().contentType(ContentType.JSON).body(call(CallFixtures.NOISE))
                .when().post("/api/calls").then().statusCode(201).extract().path("callNumber");
        org.junit.jupiter.api.Assertions.assertNotEquals(first, second);
    }

    @Test
    void channelDefaultsToPhoneAndReceivedTimeToNow() {
        given().contentType(ContentType.JSON)
                .body(with(with(call(CallFixtures.NOISE), "channel", null), "receivedAt", null))
                .when().post("/api/calls")
                .then().statusCode(201)
                .body("channel", equalTo("PHONE"))
                .body("receivedAt", notNullValue());
    }

    @Test
    void callsAndReferralsAreCountedInTheMetrics() {
        CallFixtures.postConfirmed(CallFixtures.WAGES);
        given().when().get(Management.url("/q/metrics")).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("linkage_intake_calls_total{channel=\"PHONE\""))
                .body(org.hamcrest.Matchers.containsString("linkage_intake_referrals_total{disposition=\"NON_POLICE\""));
    }
}
