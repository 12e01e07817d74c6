package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linkage.commons.audit.AuditRecord;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.commons.security.Actor;
import org.linkage.router.service.KnowledgeData;
import org.linkage.router.service.KnowledgeService;
import org.linkage.router.support.Fixtures;
import org.linkage.router.support.TestClock;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The knowledge base over HTTP: versions, review before publishing, who may write, search and suggestions. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class KnowledgeTest {
    static final Actor HRSS = Fixtures.agent("CD-HRSS");
    static final Actor ADMIN = new Actor("admin1", Set.of("admin"), null);
    static final Actor SUPERVISOR = Fixtures.SUPERVISOR;

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

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    static KnowledgeData.ArticleInput input(String unit, String category, String title, String body, List<String> keywords,
                                            LocalDate from, LocalDate to) {
        return new KnowledgeData.ArticleInput(unit, category, title, null, body, null, keywords, from, to, null, null);
    }

    /** An article written by {@code author}, submitted and published by a supervisor. */
    long published(Actor author, KnowledgeData.ArticleInput in) {
        long id = knowledge.create(in, author).id();
        knowledge.submit(id, 1, author);
        knowledge.review(id, 1, new KnowledgeData.ReviewInput(true, null), SUPERVISOR);
        return id;
    }

    private static ValidatableResponse post(String path, String json) {
        return given().contentType(ContentType.JSON).body(json).post(path).then();
    }

    private static ValidatableResponse put(String path, String json) {
        return given().contentType(ContentType.JSON).body(json).put(path).then();
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void anAgentWritesOnlyItsOwnUnitsArticlesAndEveryEditIsANewVersion() {
        int id = post("/api/knowledge/articles", """
                {"categoryCode":"WAGES","titleZh":"欠薪投诉需要准备哪些材料","bodyZh":"劳动合同、考勤记录、工资条。",
                 "keywords":["欠薪","欠薪"," 材料 "]}""")
                .statusCode(201).body("departmentCode", equalTo("CD-HRSS")).body("latestVersion", equalTo(1))
                .body("publishedVersion", nullValue()).body("latest.status", equalTo("DRAFT"))
                .body("latest.keywords", contains("欠薪", "材料")).body("actions", contains("EDIT", "SUBMIT"))
                .extract().path("id");

        put("/api/knowledge/articles/" + id, """
                {"categoryCode":"WAGES","titleZh":"欠薪投诉需准备的材料（修订）","bodyZh":"劳动合同或用工证明、考勤记录、工资条、聊天记录。",
                 "baseVersion":1}""").statusCode(200).body("latestVersion", equalTo(2)).body("latest.status", equalTo("DRAFT"));
        // an editor who saw version 1 cannot overwrite version 2 unknowingly
        put("/api/knowledge/articles/" + id, """
                {"categoryCode":"WAGES","titleZh":"另一处修改","bodyZh":"……","baseVersion":1}""")
                .statusCode(409).contentType("application/problem+json").body("latestVersion", equalTo(2))
                .body("errors[0].field", equalTo("baseVersion"));

        given().get("/api/knowledge/articles/" + id + "/versions").then().statusCode(200)
                .body("version", contains(1, 2)).body("status", contains("WITHDRAWN", "DRAFT"))
                .body("titleZh", contains("欠薪投诉需要准备哪些材料", "欠薪投诉需准备的材料（修订）"));
        given().get("/api/knowledge/articles/" + id + "/versions/1").then().statusCode(200)
                .body("bodyZh", equalTo("劳动合同、考勤记录、工资条。")).body("createdBy", equalTo("agent-hrss"));

        // another unit's article: readable once published, never writable by this agent
        long other = published(ADMIN, input("510107-URBAN", "CITY", "占道经营怎么投诉", "拨打12345或……", List.of("占道"), null, null));
        put("/api/knowledge/articles/" + other, """
                {"categoryCode":"CITY","titleZh":"改一下","bodyZh":"……"}""").statusCode(403)
                .contentType("application/problem+json").body("errors[0].field", equalTo("departmentCode"));
        post("/api/knowledge/articles", """
                {"departmentCode":"510107-URBAN","categoryCode":"CITY","titleZh":"别的单位的文章","bodyZh":"……"}""")
                .statusCode(403).body("errors[0].field", equalTo("departmentCode"));
        given().get("/api/knowledge/articles?size=100").then().statusCode(200)
                .body("items.departmentCode", not(hasItem("510107-URBAN"))).body("items.id", hasItem(id));

        // bad input names the field
        post("/api/knowledge/articles", """
                {"categoryCode":"CRIME","titleZh":"警情","bodyZh":"……"}""").statusCode(400)
                .body("errors[0].field", equalTo("categoryCode"));
        post("/api/knowledge/articles", """
                {"categoryCode":"WAGES","titleZh":"日期","bodyZh":"……","validFrom":"2026-05-01","validTo":"2026-04-30"}""")
                .statusCode(400).body("errors[0].field", equalTo("validTo"));
        post("/api/knowledge/articles", """
                {"categoryCode":"WAGES","bodyZh":"……"}""").statusCode(400).body("errors[0].field", equalTo("titleZh"));

        List<String> actions = QuarkusTransaction.requiringNew().call(() ->
                audit.of("knowledge_article", id).stream().map(AuditRecord::action).toList());
        assertEquals(List.of("CREATE", "NEW_VERSION"), actions);
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void aReviewerPublishesOrRejectsWithAReasonAndReadersKeepThePublishedVersion() {
        long id = knowledge.create(input(null, "SOCIAL_SECURITY", "社保卡丢失如何补办", "携带身份证到任一社保经办网点……",
                List.of("社保卡", "补办"), null, null), HRSS).id();
        // a draft is not yet for review
        post("/api/knowledge/articles/" + id + "/versions/1/review", "{\"approve\":true}").statusCode(409)
                .body("currentStatus", equalTo("DRAFT"));
        knowledge.submit(id, 1, HRSS);
        given().get("/api/knowledge/articles?status=IN_REVIEW&size=100").then().statusCode(200).body("items.id", hasItem((int) id));
        post("/api/knowledge/articles/" + id + "/versions/1/review", "{\"approve\":false}").statusCode(400)
                .body("errors[0].field", equalTo("note"));
        post("/api/knowledge/articles/" + id + "/versions/1/review", "{\"approve\":false,\"note\":\"请写明补办费用\"}")
                .statusCode(200).body("latest.status", equalTo("REJECTED")).body("latest.reviewNote", equalTo("请写明补办费用"))
                .body("publishedVersion", nullValue());

        knowledge.edit(id, new KnowledgeData.ArticleInput(null, "SOCIAL_SECURITY", "社保卡丢失如何补办",
                null, "携带身份证到任一社保经办网点，首次补办免费。", null, List.of("社保卡", "补办"), null, null, 1, true), HRSS);
        post("/api/knowledge/articles/" + id + "/versions/2/review", "{\"approve\":true}").statusCode(200)
                .body("publishedVersion", equalTo(2)).body("published.status", equalTo("PUBLISHED"))
                .body("published.reviewedBy", equalTo("supervisor1"));

        knowledge.edit(id, new KnowledgeData.ArticleInput(null, "SOCIAL_SECURITY", "社保卡丢失补办指南",
                null, "线上：天府市民云；线下：社保经办网点。", null, List.of("社保卡"), null, null, 2, true), HRSS);
        // while version 3 is in review, readers still get version 2
        given().get("/api/knowledge/articles/" + id).then().body("published.version", equalTo(2))
                .body("latest.version", equalTo(3)).body("actions", contains("APPROVE", "REJECT"));
        post("/api/knowledge/articles/" + id + "/versions/3/review", "{\"approve\":true}").statusCode(200)
                .body("publishedVersion", equalTo(3));
        given().get("/api/knowledge/articles/" + id + "/versions").then()
                .body("status", contains("REJECTED", "SUPERSEDED", "PUBLISHED"));

        List<String> actions = QuarkusTransaction.requiringNew().call(() ->
                audit.of("knowledge_article", id).stream().map(AuditRecord::action).toList());
        assertEquals(List.of("CREATE", "SUBMIT", "REJECT", "NEW_VERSION", "PUBLISH", "NEW_VERSION", "PUBLISH"), actions);
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void noOneReviewsTheirOwnVersion() {
        int id = post("/api/knowledge/articles", """
                {"departmentCode":"CD-12345","categoryCode":"OTHER","titleZh":"12345热线服务时间","bodyZh":"全天24小时。","submit":true}""")
                .statusCode(201).body("latest.status", equalTo("IN_REVIEW")).body("actions", contains("EDIT"))
                .extract().path("id");
        post("/api/knowledge/articles/" + id + "/versions/1/review", "{\"approve\":true}").statusCode(403);
        knowledge.review(id, 1, new KnowledgeData.ReviewInput(true, null), SUPERVISOR);
        given().get("/api/knowledge/articles/" + id).then().body("publishedVersion", equalTo(1));
    }

    @Test
    @TestSecurity(user = "calltaker1", roles = "call-taker")
    void readersSeeOnlyPublishedArticlesInTheirValidityAndNeverDrafts() {
        String marker = "临时停水" + System.nanoTime() % 100000;
        long current = published(HRSS, input(null, "UTILITIES", marker + "通知查询", "正文", List.of(), null, null));
        knowledge.edit(current, input(null, "UTILITIES", marker + "未审核的标题", "草稿", List.of(), null, null), HRSS);
        long draft = knowledge.create(input(null, "UTILITIES", marker + "草稿", "草稿", List.of(), null, null), HRSS).id();
        long expired = published(HRSS, input(null, "UTILITIES", marker + "旧政策", "正文", List.of(),
                today().minusDays(30), today().minusDays(1)));
        long future = published(HRSS, input(null, "UTILITIES", marker + "新政策", "正文", List.of(), today().plusDays(2), null));

        given().get("/api/knowledge/search?q=" + marker).then().statusCode(200)
                .body("id", contains((int) current)).body("titleZh", contains(marker + "通知查询"));
        given().get("/api/knowledge/articles/" + current).then().statusCode(200).body("published.version", equalTo(1))
                .body("latest", nullValue()).body("actions", empty());
        given().get("/api/knowledge/articles/" + current + "/versions").then().body("version", contains(1));
        given().get("/api/knowledge/articles/" + current + "/versions/2").then().statusCode(404);
        given().get("/api/knowledge/articles/" + draft).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/knowledge/articles/" + expired).then().statusCode(404);
        given().get("/api/knowledge/articles/" + future).then().statusCode(404);
        given().get("/api/knowledge/articles").then().statusCode(403);
        post("/api/knowledge/articles", "{\"categoryCode\":\"WAGES\",\"titleZh\":\"x\",\"bodyZh\":\"y\"}").statusCode(403);

        // two days on, the future article is in force; the expired one still is not
        clock.set(java.time.Instant.now().plus(Duration.ofDays(2)));
        given().get("/api/knowledge/search?q=" + marker).then().body("id", contains((int) future, (int) current));
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void searchRanksTitleMatchesFirstAndTwoCharacterQueriesWork() {
        String tag = "kb" + System.nanoTime();
        long title = published(HRSS, input(null, "SOCIAL_SECURITY", "医保报销比例说明", tag + " 门诊与住院的报销比例。",
                List.of("报销"), null, null));
        long body = published(HRSS, input(null, "SOCIAL_SECURITY", "异地就医备案", tag + " 备案后可直接结算，医保报销按参保地政策。",
                List.of("备案"), null, null));
        long neither = published(HRSS, input(null, "SOCIAL_SECURITY", "养老金领取资格认证", tag + " 每年一次。",
                List.of("认证"), null, null));

        // two characters: no trigram, served by the character pairs
        given().get("/api/knowledge/search?q=医保 " + tag).then().statusCode(200)
                .body("id", contains((int) title, (int) body)).body("matched[0]", hasItem("医保"));
        given().get("/api/knowledge/search?q=报销 " + tag).then().body("id", contains((int) title, (int) body));
        // three or more characters through the trigram index; every term must occur
        given().get("/api/knowledge/search?q=异地就医 " + tag).then().body("id", contains((int) body));
        given().get("/api/knowledge/search?q=资格认证 " + tag.toUpperCase()).then().body("id", contains((int) neither));
        given().get("/api/knowledge/search?q=医保&categoryCode=WAGES").then().body("id", not(hasItem((int) title)));
        // one character is no query; the field is named
        given().get("/api/knowledge/search?q=医").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("q"));
        given().get("/api/knowledge/search?q=医保&limit=0").then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    @TestSecurity(user = "calltaker1", roles = "call-taker")
    void aCallsTextSuggestsTheArticlesItsKeywordsAndCategoryPointTo() {
        String tag = "欠薪" + System.nanoTime() % 100000;
        long wages = published(HRSS, input(null, "WAGES", "被拖欠工资怎么办 " + tag, "先与用人单位协商，可向劳动保障监察投诉……",
                List.of("拖欠工资", "讨薪", tag), null, null));
        long sameCategory = published(HRSS, input(null, "WAGES", "劳动合同解除的经济补偿 " + tag, "按工作年限……",
                List.of("经济补偿"), null, null));
        long unrelated = published(ADMIN, input("CD-ECO", "NOISE", "夜间施工噪音投诉 " + tag, "……",
                List.of("施工噪音"), null, null));

        List<Integer> ids = post("/api/knowledge/suggestions?limit=20", """
                {"text":"我在工地干了三个月，老板一直拖欠工资不给%s","categoryCode":"WAGES"}""".formatted(tag))
                .statusCode(200).extract().path("id");
        // other tests' articles may share the category: the order among this test's own is what is checked
        assertTrue(ids.contains((int) wages) && ids.contains((int) sameCategory), "both suggested: " + ids);
        assertTrue(ids.indexOf((int) wages) < ids.indexOf((int) sameCategory),
                "the article whose keywords the caller used comes before one only of the same category: " + ids);
        assertTrue(!ids.contains((int) unrelated), "another category with no keyword in the call is not: " + ids);
        post("/api/knowledge/suggestions", "{\"text\":\"我在工地干了三个月，老板一直拖欠工资不给\"}").statusCode(200)
                .body("find { it.id == " + wages + " }.matched", hasItem("拖欠工资"));
        post("/api/knowledge/suggestions", "{\"text\":\"\"}").statusCode(400).body("errors[0].field", equalTo("text"));
    }
}
