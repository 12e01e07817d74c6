package org.linkage.intake.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkage.events.Topics;
import org.linkage.intake.support.KafkaClient;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class HandOverTest {

    static Map<String, Object> handOver() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", "工地欠薪引发推搡，现场已调解平息，需劳动部门跟进处理欠薪两万元");
        body.put("address", "武侯区天府大道北段1700号");
        body.put("districtCode", "510107");
        body.put("callerPhone", "13811112222");
        body.put("callerName", "李四");
        return body;
    }

    @Test
    @TestSecurity(user = "officer1", roles = "officer")
    void theRestOfAnIncidentGoesTo12345AsJointLinkedToTheIncident() {
        String incident = "JQ" + System.nanoTime();
        var created = given().contentType(ContentType.JSON).body(handOver())
                .when().post("/api/incidents/{n}/referrals", incident)
                .then().statusCode(201)
                .body("channel", equalTo("OFFICER_REPORT"))
                .body("incidentNumber", equalTo(incident))
                .body("decision", equalTo("CONFIRMED"))
                .body("decidedBy", equalTo("officer1"))
                .body("disposition", equalTo("JOINT"))
                .body("categoryCode", equalTo("WAGES"))
                .body("urgency", equalTo("URGENT"))
                .body("referral.incidentNumber", equalTo(incident))
                .body("referral.referralId", notNullValue())
                .body("audit.action", hasItem("REFERRED"))
                .extract();
        String callId = created.path("id");
        ConsumerRecord<String, String> record = KafkaClient.find(Topics.REFERRALS, r -> callId.equals(r.key()),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("hand-over not published"));
        assertTrue(record.value().contains("\"incidentNumber\":\"" + incident + "\""), record.value());
        assertTrue(record.value().contains("\"disposition\":\"JOINT\""), record.value());
        // the officer finds it among their own by the incident number
        given().queryParam("text", incident).when().get("/api/calls").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(callId));
    }

    @Test
    @TestSecurity(user = "officer1", roles = "officer")
    void aNamedPoliceCategoryIsRefused() {
        Map<String, Object> body = handOver();
        body.put("categoryCode", "CRIME");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/incidents/{n}/referrals", "JQ20261128000046")
                .then().statusCode(400).body("errors.field", hasItem("categoryCode"));
    }

    @Test
    @TestSecurity(user = "officer1", roles = "officer")
    void anIncidentNumberMustBePlain() {
        given().contentType(ContentType.JSON).body(handOver())
                .when().post("/api/incidents/{n}/referrals", "JQ 1;drop")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("incidentNumber"));
    }

    @Test
    @TestSecurity(user = "calltaker1", roles = "call-taker")
    void onlyOfficersHandOver() {
        given().contentType(ContentType.JSON).body(handOver())
                .when().post("/api/incidents/{n}/referrals", "JQ20261128000047")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
