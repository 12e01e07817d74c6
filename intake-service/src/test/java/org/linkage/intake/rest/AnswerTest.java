package org.linkage.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventTypes;
import org.linkage.events.Topics;
import org.linkage.intake.support.CallFixtures;
import org.linkage.intake.support.KafkaClient;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linkage.intake.support.CallFixtures.call;

/** 咨询直接答复: a question answered from the knowledge base closes the call with no referral and no ticket. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@TestSecurity(user = "calltaker1", roles = "call-taker")
class AnswerTest {
    static final String QUESTION = "请问社保卡丢了去哪里补办，要带什么材料";
    static final String ANSWER = """
            {"articles":[{"id":12,"version":3,"title":"社保卡丢失如何补办"}],"note":"已告知携带身份证到社保经办网点"}""";

    @Inject
    ObjectMapper json;

    @Test
    void anAnsweredCallCitesItsArticlesAndIsNeverReferred() throws Exception {
        UUID id = CallFixtures.post(call(QUESTION));
        given().contentType(ContentType.JSON).body(ANSWER).post("/api/calls/" + id + "/answer").then().statusCode(200)
                .body("decision", equalTo("ANSWERED")).body("disposition", equalTo("NON_POLICE"))
                .body("referral", nullValue()).body("ticket", nullValue()).body("decidedBy", equalTo("calltaker1"))
                .body("answer.articles[0].id", equalTo(12)).body("answer.articles[0].version", equalTo(3))
                .body("answer.note", equalTo("已告知携带身份证到社保经办网点"))
                .body("audit.action", hasItem("ANSWERED"));
        // decided once: neither a second answer nor a confirmation refers it afterwards
        given().contentType(ContentType.JSON).body(ANSWER).post("/api/calls/" + id + "/answer").then().statusCode(409)
                .body("currentDecision", equalTo("ANSWERED"));
        given().post("/api/calls/" + id + "/confirmation").then().statusCode(409);

        // Read until both the answered call's event and a referral confirmed after it are seen (the latter proves
        // the relay went past the answer); a referral of the answered call would be on its key's partition too.
        Set<String> typesOfCall = new HashSet<>();
        String later = CallFixtures.postConfirmed(CallFixtures.WAGES).path("id");
        boolean[] laterSeen = {false};
        KafkaClient.find(Topics.REFERRALS, r -> {
            if (id.toString().equals(r.key())) {
                typesOfCall.add(KafkaClient.header(r, "ce_type"));
            }
            laterSeen[0] |= later.equals(r.key());
            return laterSeen[0] && typesOfCall.contains(EventTypes.CALL_ANSWERED);
        }, Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError("seen for the call: " + typesOfCall
                + ", later referral seen: " + laterSeen[0]));
        assertEquals(Set.of(EventTypes.CALL_ANSWERED), typesOfCall, "an answered call is counted, never referred");
        ConsumerRecord<String, String> event = KafkaClient.find(Topics.REFERRALS, r -> id.toString().equals(r.key()),
                Duration.ofSeconds(10)).orElseThrow();
        JsonNode data = json.readTree(event.value());
        assertEquals(12, data.get("articleIds").get(0).asInt());
        assertEquals("calltaker1", data.get("answeredBy").asText());
        assertTrue(!event.value().contains("callerPhone"), "nothing personal goes with an answered call");
    }

    @Test
    void aCallWithAPoliceMatterIsNotClosedAsAnswered() {
        UUID id = CallFixtures.post(call(CallFixtures.KNIFE));
        given().contentType(ContentType.JSON).body(ANSWER).post("/api/calls/" + id + "/answer").then().statusCode(409)
                .contentType("application/problem+json").body("suggestedDisposition", equalTo("POLICE"));
        given().get("/api/calls/" + id).then().body("decision", equalTo("PENDING"));
    }

    @Test
    void badAnswersNameTheField() {
        UUID id = CallFixtures.post(call(QUESTION));
        given().contentType(ContentType.JSON).body("{\"articles\":[]}").post("/api/calls/" + id + "/answer").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("articles"));
        given().contentType(ContentType.JSON).body("{\"articles\":[{\"id\":0,\"version\":1,\"title\":\"x\"}]}")
                .post("/api/calls/" + id + "/answer").then().statusCode(400).body("errors[0].field", equalTo("articles[0].id"));
        given().contentType(ContentType.JSON).body("""
                {"articles":[{"id":1,"version":1,"title":"x"}],"categoryCode":"CRIME"}""")
                .post("/api/calls/" + id + "/answer").then().statusCode(400).body("errors[0].field", equalTo("categoryCode"));
        given().get("/api/calls/" + id).then().body("decision", equalTo("PENDING"));
    }
}
