package org.linkage.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linkage.events.CategoryQuestion;
import org.linkage.events.CategoryQuestionsChanged;
import org.linkage.events.EventTypes;
import org.linkage.events.Topics;
import org.linkage.intake.support.KafkaClient;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.linkage.intake.support.CallFixtures.call;
import static org.linkage.intake.support.CallFixtures.with;

/**
 * The questions a category asks (分类必填项) are the router's: intake asks and checks what it announced on
 * linkage.categories, and nothing before, and the answers travel on the referral. TOURISM, which no other test here
 * refers, is the category these tests give questions to.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@TestSecurity(user = "calltaker1", roles = {"call-taker", "officer"})
class CategoryQuestionsTest {
    private static final String TOURS = "跟团旅游导游强制我们购物，不买就不让走";
    private static final List<CategoryQuestion> QUESTIONS = List.of(
            new CategoryQuestion("agency", CategoryQuestion.TEXT, true, "旅行社名称", "Travel agency", List.of()),
            new CategoryQuestion("amount", CategoryQuestion.NUMBER, false, "涉及金额（元）", "Amount (yuan)", List.of()),
            new CategoryQuestion("travelledOn", CategoryQuestion.DATE, false, "出行日期", "Date of travel", List.of()),
            new CategoryQuestion("kind", CategoryQuestion.CHOICE, false, "类型", "Kind", List.of(
                    new CategoryQuestion.Choice("GROUP", "跟团游", "Group tour"),
                    new CategoryQuestion.Choice("SCENIC", "景区", "Scenic area"))));

    @Inject
    ObjectMapper json;

    @BeforeEach
    void theRouterHasAnnouncedTheQuestions() throws Exception {
        announce(new CategoryQuestionsChanged("TOURISM", 3, QUESTIONS, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/categories/TOURISM/questions")
                .then().statusCode(200).body("code", hasItem("agency")));
    }

    @Test
    void theQuestionsAreThoseTheRouterAnnouncedAndAnOlderVersionChangesNothing() throws Exception {
        given().get("/api/categories/TOURISM/questions").then().statusCode(200)
                .body("code", equalTo(List.of("agency", "amount", "travelledOn", "kind")))
                .body("[0].labelZh", equalTo("旅行社名称")).body("[0].required", equalTo(true))
                .body("[3].values.key", equalTo(List.of("GROUP", "SCENIC")));
        given().contentType(ContentType.JSON).body(Map.of("text", TOURS)).post("/api/classifications/preview")
                .then().statusCode(200).body("categoryCode", equalTo("TOURISM")).body("questions.code", hasItem("agency"));
        given().get("/api/categories/HEALTH/questions").then().statusCode(200).body("", hasSize(0));
        given().get("/api/categories/NO_SUCH/questions").then().statusCode(404);

        announce(new CategoryQuestionsChanged("TOURISM", 2, List.of(), Instant.now()));
        // a newer announcement behind it proves the older one was handled (same key, same partition, in order)
        announce(new CategoryQuestionsChanged("EDUCATION", 1, List.of(new CategoryQuestion("school",
                CategoryQuestion.TEXT, false, "学校", "School", List.of())), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/categories/EDUCATION/questions")
                .then().body("code", hasItem("school")));
        given().get("/api/categories/TOURISM/questions").then().body("code", hasItem("agency"));
    }

    @Test
    void aReferredCallMustAnswerTheRequiredQuestionsInTheirTypes() {
        Map<String, Object> body = with(call(TOURS), "confirm", true);
        given().contentType(ContentType.JSON).body(body).post("/api/calls").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("attributes.agency"));
        given().contentType(ContentType.JSON).body(with(body, "attributes", Map.of("agency", "某旅行社", "amount", "三千")))
                .post("/api/calls").then().statusCode(400).body("errors.field", hasItem("attributes.amount"));
        given().contentType(ContentType.JSON).body(with(body, "attributes", Map.of("agency", "某旅行社", "kind", "CRUISE")))
                .post("/api/calls").then().statusCode(400).body("errors.field", hasItem("attributes.kind"));
        given().contentType(ContentType.JSON).body(with(body, "attributes", Map.of("agency", "某旅行社", "travelledOn", "上周")))
                .post("/api/calls").then().statusCode(400).body("errors.field", hasItem("attributes.travelledOn"));
        given().contentType(ContentType.JSON).body(with(body, "attributes", Map.of("agency", "某旅行社", "colour", "红")))
                .post("/api/calls").then().statusCode(400).body("errors.field", hasItem("attributes.colour"));

        String callId = given().contentType(ContentType.JSON).body(with(body, "attributes",
                        Map.of("agency", "成都某国际旅行社", "amount", "3,000.50", "travelledOn", "2026-11-20", "kind", "GROUP")))
                .post("/api/calls").then().statusCode(201).body("decision", equalTo("CONFIRMED")).extract().path("id");
        JsonNode attributes = referral(callId).get("attributes");
        assertEquals("成都某国际旅行社", attributes.get("agency").asText());
        assertEquals("3000.5", attributes.get("amount").asText(), "numbers travel as plain decimals");
        assertEquals("GROUP", attributes.get("kind").asText());
    }

    @Test
    void aPendingCallTakesItsAnswersAndIsReferredWithThem() {
        String callId = given().contentType(ContentType.JSON).body(call(TOURS)).post("/api/calls").then().statusCode(201)
                .body("decision", equalTo("PENDING")).extract().path("id");
        given().post("/api/calls/" + callId + "/confirmation").then().statusCode(400)
                .body("errors.field", hasItem("attributes.agency"));
        given().contentType(ContentType.JSON).body(Map.of("attributes", Map.of("amount", "很多")))
                .put("/api/calls/" + callId + "/attributes").then().statusCode(400)
                .body("errors.field", hasItem("attributes.amount"));
        given().contentType(ContentType.JSON).body(Map.of("attributes", Map.of("agency", "某旅行社")))
                .put("/api/calls/" + callId + "/attributes").then().statusCode(200);
        given().post("/api/calls/" + callId + "/confirmation").then().statusCode(200).body("decision", equalTo("CONFIRMED"));
        assertEquals("某旅行社", referral(callId).get("attributes").get("agency").asText());
    }

    @Test
    void anOfficersHandOverIsCheckedToo() {
        Map<String, Object> handOver = Map.of("content", "景区商户强制购物纠纷，现场已调解，需文旅部门跟进", "address",
                "成都市青羊区宽窄巷子", "districtCode", "510105", "categoryCode", "TOURISM");
        given().contentType(ContentType.JSON).body(handOver).post("/api/incidents/{n}/referrals", "JQ20261201000131")
                .then().statusCode(400).body("errors.field", hasItem("attributes.agency"));
        Map<String, Object> answered = new java.util.HashMap<>(handOver);
        answered.put("attributes", Map.of("agency", "某景区商户"));
        String callId = given().contentType(ContentType.JSON).body(answered)
                .post("/api/incidents/{n}/referrals", "JQ20261201000132").then().statusCode(201).extract().path("id");
        assertEquals("某景区商户", referral(callId).get("attributes").get("agency").asText());
    }

    private JsonNode referral(String callId) {
        ConsumerRecord<String, String> record = KafkaClient.find(Topics.REFERRALS, r -> callId.equals(r.key()),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no referral published for " + callId));
        try {
            JsonNode data = json.readTree(record.value());
            assertFalse(data.get("attributes").isNull());
            return data;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private void announce(CategoryQuestionsChanged c) throws Exception {
        KafkaClient.publish(Topics.CATEGORIES, c.key(), UUID.randomUUID().toString(), EventTypes.CATEGORY_QUESTIONS_CHANGED,
                c.subject(), json.writeValueAsString(c));
    }
}
