package org.linkage.intake.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.events.DistrictChanged;
import org.linkage.events.EventTypes;
import org.linkage.events.Topics;
import org.linkage.intake.support.KafkaClient;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.linkage.intake.support.CallFixtures.NOISE;
import static org.linkage.intake.support.CallFixtures.call;
import static org.linkage.intake.support.CallFixtures.with;

/**
 * The router owns the districts: a district it announces (as it does for one added through POST /api/admin/districts)
 * is accepted by intake without a release, and one it deactivates is refused again.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@TestSecurity(user = "calltaker1", roles = "call-taker")
class DistrictOwnerTest {
    /** Not in the list intake ships with. */
    private static final String NEW_DISTRICT = "510199";

    @Inject
    ObjectMapper json;

    @Test
    void aDistrictAddedInTheRouterIsAcceptedAndOneItDeactivatesIsRefused() throws Exception {
        submit().statusCode(400);

        announce(new DistrictChanged(NEW_DISTRICT, "成都新区", "Chengdu New District", "成都市", true,
                Instant.parse("2026-11-28T01:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> submit().statusCode(201)
                .body("districtName", equalTo("成都新区")));
        given().get("/api/districts").then().statusCode(200).body("code", hasItem(NEW_DISTRICT));

        announce(new DistrictChanged(NEW_DISTRICT, "成都新区", "Chengdu New District", "成都市", false,
                Instant.parse("2026-11-28T02:00:00Z")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> submit().statusCode(400));
        given().get("/api/districts").then().statusCode(200).body("code", not(hasItem(NEW_DISTRICT)));
    }

    private io.restassured.response.ValidatableResponse submit() {
        return given().contentType(ContentType.JSON).body(with(call(NOISE), "districtCode", NEW_DISTRICT))
                .when().post("/api/calls").then();
    }

    private void announce(DistrictChanged d) throws Exception {
        KafkaClient.publish(Topics.DISTRICTS, d.key(), UUID.randomUUID().toString(), EventTypes.DISTRICT_CHANGED,
                d.subject(), json.writeValueAsString(d));
    }
}
