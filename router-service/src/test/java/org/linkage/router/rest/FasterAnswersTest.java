package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.commons.audit.AuditTrail;
import org.linkage.events.EventTypes;
import org.linkage.events.ReferralCreated;
import org.linkage.events.Topics;
import org.linkage.router.repository.Ticket;
import org.linkage.router.support.KafkaSupport;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 13 part 4 on the router, the owner: the catalogue's questions per category (read by everyone, changed by
 * administrators, announced for intake, checked on the requests the bridge files, carried and shown on the
 * ticket) and the units' reply templates (own unit only, versioned, filled in for a ticket).
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class FasterAnswersTest {
    @Inject
    org.linkage.router.support.Fixtures fixtures;
    @Inject
    AuditTrail audit;

    @Test
    @TestSecurity(user = "calltaker1", roles = "call-taker")
    void theSeededQuestionsAreReadableAndWereAnnouncedForIntake() {
        given().get("/api/categories/WAGES/questions").then().statusCode(200)
                .body("version", equalTo(1))
                .body("questions.code", hasItem("amount"))
                .body("questions.find { it.code == 'amount' }.datatype", equalTo("NUMBER"))
                .body("questions.find { it.code == 'employer' }.labelZh", equalTo("用工单位（欠薪单位）"));
        given().get("/api/categories/TOURISM/questions").then().statusCode(200)
                .body("version", equalTo(0)).body("questions", hasSize(0));
        given().get("/api/categories/NO_SUCH/questions").then().statusCode(404);

        List<KafkaSupport.Event> announced = KafkaSupport.read(Topics.CATEGORIES,
                e -> "UTILITIES".equals(e.key()) && EventTypes.CATEGORY_QUESTIONS_CHANGED.equals(e.type()), 1,
                Duration.ofSeconds(30));
        assertFalse(announced.isEmpty(), "the seeded questions were not announced on " + Topics.CATEGORIES);
        var data = announced.get(0).data();
        assertEquals(1, data.get("version").asInt());
        assertEquals("CHOICE", data.get("questions").get(0).get("datatype").asText());
        assertEquals("WATER", data.get("questions").get(0).get("values").get(0).get("key").asText());
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void anAdministratorSavesANewVersionWhichIsAnnounced() {
        given().contentType(ContentType.JSON).body("""
                {"questions":[{"code":"school","datatype":"TEXTAREA","required":true,"labelZh":"学校","labelEn":"School"}]}""")
                .put("/api/admin/catalogue/HEALTH/questions").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("questions[0].datatype"));
        given().contentType(ContentType.JSON).body("""
                {"questions":[{"code":"kind","datatype":"CHOICE","required":true,"labelZh":"类型","labelEn":"Kind"}]}""")
                .put("/api/admin/catalogue/HEALTH/questions").then().statusCode(400)
                .body("errors.field", hasItem("questions[0].values"));

        int version = given().contentType(ContentType.JSON).body("""
                {"questions":[{"code":"hospital","datatype":"TEXT","required":true,"labelZh":"医疗机构名称","labelEn":"Hospital or clinic"},
                              {"code":"visitedOn","datatype":"DATE","required":false,"labelZh":"就诊日期","labelEn":"Date of the visit"}]}""")
                .put("/api/admin/catalogue/HEALTH/questions").then().statusCode(200)
                .body("questions.code", equalTo(List.of("hospital", "visitedOn"))).extract().path("version");
        given().get("/api/admin/catalogue/HEALTH/questions/versions").then().statusCode(200)
                .body("version", hasItem(version));

        List<KafkaSupport.Event> announced = KafkaSupport.read(Topics.CATEGORIES,
                e -> "HEALTH".equals(e.key()) && e.data().get("version").asInt() == version, 1, Duration.ofSeconds(30));
        assertFalse(announced.isEmpty());
        assertEquals("hospital", announced.get(0).data().get("questions").get(0).get("code").asText());
        assertEquals(true, announced.get(0).data().get("questions").get(0).get("required").asBoolean());
        assertFalse(QuarkusTransaction.requiringNew().call(() -> audit.of("category_questions", "HEALTH")).isEmpty(),
                "the change was not audited");
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void anAgentMayNotChangeTheQuestions() {
        given().contentType(ContentType.JSON).body("{\"questions\":[]}")
                .put("/api/admin/catalogue/WAGES/questions").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "hotline-bridge", roles = "service:bridge")
    void aFiledRequestIsCheckedAgainstItsCategorysQuestions() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body("""
                {"channel":"OPEN311:citizen-app","categoryCode":"BLOCKED_CAR","content":"有车堵住了小区车库出口","address":"成都市武侯区玉林北路1号"}""")
                .post("/api/integration/requests").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("attributes.plateNumber"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body("""
                {"channel":"OPEN311:citizen-app","categoryCode":"WAGES","content":"老板拖欠工资","address":"成都市武侯区玉林北路1号",
                 "attributes":{"amount":"两万多"}}""")
                .post("/api/integration/requests").then().statusCode(400)
                .body("errors.field", hasItem("attributes.amount"));
        given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body("""
                {"channel":"OPEN311:citizen-app","categoryCode":"WAGES","content":"老板拖欠工资","address":"成都市武侯区玉林北路1号",
                 "attributes":{"shoeSize":"42"}}""")
                .post("/api/integration/requests").then().statusCode(400)
                .body("errors.field", hasItem("attributes.shoeSize"));

        String number = given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body("""
                {"channel":"OPEN311:citizen-app","categoryCode":"WAGES","content":"老板拖欠工资三个月","address":"成都市武侯区玉林北路1号",
                 "attributes":{"amount":"20,000.00","employer":"某建筑劳务公司","owedSince":"2026-09-01"}}""")
                .post("/api/integration/requests").then().statusCode(201).extract().path("ticketNumber");
        Ticket t = fixtures.reload(number);
        List<KafkaSupport.Event> dispatched = KafkaSupport.read(Topics.TICKETS,
                e -> t.id.toString().equals(e.key()) && EventTypes.TICKET_DISPATCHED.equals(e.type()), 1, Duration.ofSeconds(30));
        assertEquals("20000", dispatched.get(0).data().get("attributes").get("amount").asText(), "the amount travels normalised");
        assertEquals("某建筑劳务公司", dispatched.get(0).data().get("attributes").get("employer").asText());
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void theAnswersOfAReferralAreShownOnTheTicketWithTheirLabels() {
        ReferralCreated r = new ReferralCreated(UUID.randomUUID(), UUID.randomUUID(), "110-20261201-0077", "NON_POLICE",
                "WAGES", "NORMAL", "工地老板拖欠工资三个月", "成都市武侯区某工地", "510107", null, null, "13812345678", "李四",
                Instant.now(), null, "calltaker1", Instant.now(), "K7M2Q9XR", false, null, null,
                Map.of("amount", "23000", "employer", "成都某劳务公司"));
        KafkaSupport.send(Topics.REFERRALS, r.callId().toString(), UUID.randomUUID().toString(), EventTypes.REFERRAL_CREATED, r);
        Ticket t = ReferralFlowTest.awaitTicket(r.referralId());
        given().get("/api/tickets/" + t.ticketNumber + "/attributes").then().statusCode(200)
                .body("find { it.code == 'amount' }.labelZh", equalTo("拖欠金额（元）"))
                .body("find { it.code == 'amount' }.value", equalTo("23000"))
                .body("find { it.code == 'employer' }.value", equalTo("成都某劳务公司"));
    }

    @Test
    @TestSecurity(user = "agent-wuhou", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "510107-URBAN"))
    void anotherUnitSeesNeitherTheAnswersNorTheTemplatesOfATicket() {
        Ticket t = fixtures.dispatched();
        given().get("/api/tickets/" + t.ticketNumber + "/attributes").then().statusCode(404);
        given().get("/api/tickets/" + t.ticketNumber + "/reply-templates").then().statusCode(404);
        given().get("/api/reply-templates").then().statusCode(200)
                .body("departmentCode", everyItem(equalTo("510107-URBAN"))).body("categoryCode", hasItem("NOISE"));
    }

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent", attributes = @SecurityAttribute(key = "department", value = "CD-HRSS"))
    void aUnitWritesItsOwnTemplatesAndGetsThemFilledInForATicket() {
        given().get("/api/reply-templates").then().statusCode(200)
                .body("departmentCode", everyItem(equalTo("CD-HRSS"))).body("categoryCode", hasItem("WAGES"));
        given().contentType(ContentType.JSON).body(Map.of("categoryCode", "WAGES", "titleZh", "错的",
                        "bodyZh", "工单{ticketNumbr}已办结"))
                .post("/api/reply-templates").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("bodyZh"));
        given().contentType(ContentType.JSON).body(Map.of("departmentCode", "CD-WATER", "categoryCode", "UTILITIES",
                        "titleZh", "别的单位", "bodyZh", "工单{ticketNumber}"))
                .post("/api/reply-templates").then().statusCode(403);
        int noiseTemplate = QuarkusTransaction.requiringNew().call(() -> org.linkage.router.repository.ReplyTemplate
                .<org.linkage.router.repository.ReplyTemplate>find("departmentCode", "510107-URBAN").firstResult().id.intValue());
        given().contentType(ContentType.JSON).body(Map.of("categoryCode", "NOISE", "titleZh", "改别人的", "bodyZh", "x"))
                .put("/api/reply-templates/" + noiseTemplate).then().statusCode(404);

        int id = given().contentType(ContentType.JSON).body(Map.of("categoryCode", "WAGES", "titleZh", "已立案查处",
                        "bodyZh", "工单{ticketNumber}：{unitName}已对用工单位立案查处，请于{deadline}前留意结果。"))
                .post("/api/reply-templates").then().statusCode(201)
                .body("departmentCode", equalTo("CD-HRSS")).body("version", equalTo(1)).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("categoryCode", "WAGES", "titleZh", "已立案查处",
                        "bodyZh", "工单{ticketNumber}：{unitName}已对用工单位立案查处，结果将于{deadline}前答复您。", "baseVersion", 1))
                .put("/api/reply-templates/" + id).then().statusCode(200).body("version", equalTo(2));
        given().contentType(ContentType.JSON).body(Map.of("categoryCode", "WAGES", "titleZh", "旧稿",
                        "bodyZh", "旧稿", "baseVersion", 1))
                .put("/api/reply-templates/" + id).then().statusCode(409);
        given().get("/api/reply-templates/" + id + "/versions").then().statusCode(200)
                .body("version", equalTo(List.of(1, 2))).body("[0].bodyZh", containsString("请于"));

        Ticket t = fixtures.dispatched();
        String deadline = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").format(t.resolveBy.atZone(ZoneId.of("Asia/Shanghai")));
        given().get("/api/tickets/" + t.ticketNumber + "/reply-templates").then().statusCode(200)
                .body("id", hasItem(id))
                .body("departmentCode", everyItem(equalTo("CD-HRSS")))
                .body("find { it.id == " + id + " }.preview", equalTo("工单" + t.ticketNumber
                        + "：成都市人力资源和社会保障局已对用工单位立案查处，结果将于" + deadline + "前答复您。"))
                .body("preview", everyItem(not(containsString("{"))));
        assertEquals(List.of("CREATE", "NEW_VERSION"), QuarkusTransaction.requiringNew().call(() ->
                audit.of("reply_template", (long) id)).stream().map(org.linkage.commons.audit.AuditRecord::action).toList());
    }
}
