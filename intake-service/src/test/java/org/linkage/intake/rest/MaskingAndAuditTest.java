package org.linkage.intake.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.intake.repository.CallRepository;
import org.linkage.intake.support.CallFixtures;
import org.linkage.intake.support.CallRows;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.linkage.intake.support.CallFixtures.call;
import static org.linkage.intake.support.CallFixtures.with;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class MaskingAndAuditTest {
    @Inject
    CallRepository calls;

    @Test
    @TestSecurity(user = "calltaker-mask", roles = "call-taker")
    void listsAndDetailsMaskTheCallerAndTheContactReadIsAudited() {
        String marker = CallFixtures.marker();
        UUID id = CallFixtures.post(with(call(CallFixtures.NOISE + marker), "callerPhone", "+86 13812345678"));
        given().queryParam("text", marker).when().get("/api/calls")
                .then().body("items[0].callerPhone", equalTo("138****5678"))
                .body("items[0].callerName", equalTo("张*"));
        given().when().get("/api/calls/{id}", id)
                .then().body("callerPhone", equalTo("138****5678"))
                .body("callerName", equalTo("张*"))
                .body(not(containsString("13812345678")));
        given().when().get("/api/calls/{id}/audit", id).then().body("action", not(hasItem("CONTACT_VIEWED")));

        given().when().get("/api/calls/{id}/contact", id)
                .then().statusCode(200)
                .body("callerPhone", equalTo("13812345678"))
                .body("callerName", equalTo("张三"));
        given().when().get("/api/calls/{id}/audit", id)
                .then().statusCode(200)
                .body("action", contains("CREATED", "CLASSIFIED", "CONTACT_VIEWED"))
                .body("find { it.action == 'CONTACT_VIEWED' }.actor", equalTo("calltaker-mask"))
                .body("find { it.action == 'CLASSIFIED' }.details", containsString("modelVersion"))
                .body("find { it.action == 'CREATED' }.details", not(containsString("13812345678")));
    }

    @Test
    @TestSecurity(user = "calltaker-mask", roles = "call-taker")
    void anotherCallTakersCallerStaysHidden() {
        UUID theirs = CallRows.insert(calls, c -> c.takenBy = "calltaker-other");
        given().when().get("/api/calls/{id}/contact", theirs).then().statusCode(404);
        given().when().get("/api/calls/{id}/audit", theirs).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void supervisorsMayReadAContactAndItIsRecorded() {
        UUID theirs = CallRows.insert(calls, c -> c.takenBy = "calltaker-other");
        given().when().get("/api/calls/{id}/contact", theirs).then().statusCode(200)
                .body("callerPhone", equalTo("13900001111"));
        given().when().get("/api/calls/{id}/audit", theirs).then()
                .body("find { it.action == 'CONTACT_VIEWED' }.actor", equalTo("supervisor1"))
                .body("find { it.action == 'CONTACT_VIEWED' }.actorRoles", equalTo("supervisor"));
    }
}
