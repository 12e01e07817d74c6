package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linkage.commons.audit.AuditRecord;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.security.Actor;
import org.linkage.router.repository.Consultation;
import org.linkage.router.repository.Ticket;
import org.linkage.router.service.AnsweredContacts;
import org.linkage.router.service.KnowledgeData;
import org.linkage.router.service.KnowledgeService;
import org.linkage.router.support.Fixtures;
import org.linkage.router.support.TestClock;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A question that reached 12345 directly, answered from the knowledge base (咨询直接答复): recorded with a contact
 * number, read back, counted as resolved at first contact beside 110's answered calls, and audited.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class AnsweredContactTest {
    // a quiet week no other test records contacts or tickets in
    static final Instant NOW = Instant.parse("2023-03-15T02:00:00Z");
    static final String WEEK = "from=2023-03-13T00:00:00Z&to=2023-03-20T00:00:00Z";
    static final Actor HRSS = Fixtures.agent("CD-HRSS");

    @Inject
    KnowledgeService knowledge;
    @Inject
    AuditTrail audit;
    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    long article(String title, boolean publish) {
        long id = knowledge.create(new KnowledgeData.ArticleInput("CD-HRSS", "SOCIAL_SECURITY", title, null,
                title + "：可在天府通办或社保经办窗口办理。", null, List.of("社保"), null, null, null, null), HRSS).id();
        if (publish) {
            knowledge.submit(id, 1, HRSS);
            knowledge.review(id, 1, new KnowledgeData.ReviewInput(true, null), Fixtures.SUPERVISOR);
        }
        return id;
    }

    static String body(String content, List<Long> articles) {
        return """
                {"channel": "PHONE", "content": "%s", "categoryCode": "SOCIAL_SECURITY", "districtCode": "510107",
                 "articleIds": %s, "note": "已告知办理渠道"}""".formatted(content, articles);
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void aDirectContactAnsweredFromTheKnowledgeBaseIsRecordedReadBackAndAudited() {
        clock.set(NOW);
        long a = article("灵活就业人员参保", true);
        long b = article("社保卡补办", true);
        String number = given().contentType(ContentType.JSON).body(body("灵活就业人员怎么缴社保？", List.of(a, b)))
                .post("/api/contacts/answered").then().statusCode(201)
                .header("Location", containsString("/api/contacts/answered/12345-C-20230315-"))
                .body("contactNumber", matchesPattern("12345-C-20230315-\\d{6}"))
                .body("line", equalTo("12345"))
                .body("articles.id", equalTo(List.of((int) a, (int) b)))
                .body("articles[0].titleZh", equalTo("灵活就业人员参保"))
                .body("answeredBy", equalTo("dispatcher1"))
                .extract().path("contactNumber");

        given().get("/api/contacts/answered/" + number).then().statusCode(200)
                .body("content", equalTo("灵活就业人员怎么缴社保？"))
                .body("categoryCode", equalTo("SOCIAL_SECURITY"))
                .body("districtCode", equalTo("510107"))
                .body("note", equalTo("已告知办理渠道"))
                .body("articles.version", equalTo(List.of(1, 1)))
                .body("answeredAt", equalTo(NOW.toString()));
        given().get("/api/contacts/answered/12345-C-20230315-999999").then().statusCode(404)
                .contentType("application/problem+json");

        UUID id = QuarkusTransaction.requiringNew().call(() -> Consultation.direct(number).orElseThrow().callId);
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Ticket.count("callId", id)), "no ticket is made");
        List<AuditRecord> trail = QuarkusTransaction.requiringNew().call(() -> audit.of(AnsweredContacts.AUDIT_TYPE, id));
        assertEquals(1, trail.size());
        assertEquals("ANSWERED", trail.get(0).action());
        assertEquals("dispatcher1", trail.get(0).actor());
        assertTrue(trail.get(0).details().contains(number), trail.get(0).details());
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void aRetriedSubmissionWithTheSameKeyAnswersTheSameContact() {
        clock.set(NOW);
        long a = article("居民医保缴费", true);
        String key = "retry-" + UUID.randomUUID();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body("医保怎么交？", List.of(a))).post("/api/contacts/answered").then().statusCode(201)
                .extract().path("contactNumber");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body("医保怎么交？", List.of(a))).post("/api/contacts/answered").then().statusCode(200)
                .body("contactNumber", equalTo(first));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body("另一个问题", List.of(a))).post("/api/contacts/answered").then().statusCode(422)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void onlyPublishedCurrentlyValidArticlesMayBeCited() {
        long draft = article("尚未发布的草稿", false);
        for (String articles : List.of("[" + draft + "]", "[987654321]", "[]")) {
            given().contentType(ContentType.JSON).body(body("问题", List.of()).replace("[]", articles))
                    .post("/api/contacts/answered").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("articleIds"));
        }
        long a = article("参保证明打印", true);
        given().contentType(ContentType.JSON).body(body("问题", List.of(a)).replace("SOCIAL_SECURITY", "NO_SUCH"))
                .post("/api/contacts/answered").then().statusCode(400).body("errors[0].field", equalTo("categoryCode"));
        given().contentType(ContentType.JSON).body(body("", List.of(a)))
                .post("/api/contacts/answered").then().statusCode(400).body("errors[0].field", equalTo("content"));
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void aDepartmentAgentMayNotAnswerForTwelveThreeFourFive() {
        given().contentType(ContentType.JSON).body(body("问题", List.of(1L))).post("/api/contacts/answered")
                .then().statusCode(403);
        given().get("/api/contacts/answered/12345-C-20230315-000001").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = {"supervisor", "dispatcher"})
    void directContactsCountAsResolvedAtFirstContactOnTheTwelveThreeFourFiveLine() {
        clock.set(NOW.plusSeconds(86_400));
        long a = article("失业保险金申领", true);
        Integer earlier = given().get("/api/statistics/first-contact?groupBy=category&" + WEEK).then().statusCode(200)
                .extract().jsonPath().get("find { it.key == 'SOCIAL_SECURITY' }.answered12345");
        int answered = earlier == null ? 0 : earlier;
        given().contentType(ContentType.JSON).body(body("失业金怎么领？", List.of(a))).post("/api/contacts/answered")
                .then().statusCode(201);
        given().get("/api/statistics/first-contact?groupBy=category&" + WEEK).then().statusCode(200)
                .body("find { it.key == 'SOCIAL_SECURITY' }.answered12345", equalTo(answered + 1))
                .body("find { it.key == 'SOCIAL_SECURITY' }.answered", equalTo(answered + 1));
        given().get("/api/statistics/first-contact?groupBy=line&" + WEEK).then().statusCode(200)
                .body("find { it.key == '12345' }.answered", equalTo(answered + 1))
                .body("find { it.key == '12345' }.answered110", equalTo(0));
        given().get("/api/statistics/first-contact?groupBy=line&format=csv&" + WEEK).then().statusCode(200)
                .body(containsString("key,answered,tickets,firstContactRate,answered110,answered12345"));
    }
}
