package org.linkage.console.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The call form's live preview (POST /calls/preview) against intake's and the router's answers as they really are,
 * with the fields they send only sometimes: a category's questions with choices, knowledge-base hits.
 */
@QuarkusTest
@QuarkusTestResource(StandInServices.class)
@TestSecurity(user = "calltaker1", roles = "call-taker")
class CallPreviewTest {
    static final String TEXT = "小区门口的路灯坏了一个星期了";

    @BeforeEach
    void standIns() {
        StandInServices.reset();
    }

    /** The form's CSRF cookie and token, as the browser holds them after opening the form. */
    private record Csrf(String cookie, String token) {
    }

    private static Csrf csrf() {
        Response form = given().get("/calls/new").then().statusCode(200).extract().response();
        Matcher m = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(form.asString());
        assertTrue(m.find(), "the form carries its CSRF token");
        return new Csrf(form.cookie("linkage-csrf-token"), m.group(1));
    }

    private static Response preview(String text) {
        Csrf csrf = csrf();
        return given().cookie("linkage-csrf-token", csrf.cookie()).header("X-CSRF-TOKEN", csrf.token())
                .formParam("csrf-token", csrf.token()).formParam("content", text).formParam("title", "")
                .post("/calls/preview").then().extract().response();
    }

    @Test
    void aPropertyCallShowsItsCategoryQuestionsAndTheArticlesThatMayAnswerIt() {
        StandInServices.answer("POST /api/classifications/preview", """
                {"disposition":"NON_POLICE","categoryCode":"PROPERTY","confidence":0.7342,
                 "signals":["事项:路灯","地点:小区"],"modelVersion":"nb-2026.12.01-r8b",
                 "questions":[
                  {"code":"community","datatype":"TEXT","required":false,"labelZh":"小区名称","labelEn":"Residential community","values":[]},
                  {"code":"fault","datatype":"CHOICE","required":true,"labelZh":"故障设施","labelEn":"What is broken",
                   "values":[{"key":"LIGHT","nameZh":"路灯","nameEn":"Street light"},{"key":"GATE","nameZh":"门禁","nameEn":"Gate"}]}]}""");
        StandInServices.answer("POST /api/knowledge/suggestions", """
                [{"id":3,"version":2,"titleZh":"与物业公司发生纠纷怎么办","titleEn":"Disputes with the property management company",
                  "categoryCode":"PROPERTY","departmentCode":"CD-HOUSING","keywords":["物业","小区"],
                  "excerpt":"可先向物业服务企业书面反映……","score":0.4133,"matched":["小区"]},
                 {"id":17,"version":1,"titleZh":"灵活就业人员社保续办理指南","titleEn":null,"categoryCode":"SOCIAL_SECURITY",
                  "departmentCode":"CD-HRSS","keywords":[],"excerpt":"","score":1.0E-4,"matched":[]}]""");
        Response r = preview(TEXT);
        String page = r.asString();
        assertEquals(200, r.statusCode(), page);
        assertTrue(page.contains("物业服务"), "the category by its name: " + page);
        assertTrue(page.contains("73.4%"), page);
        assertTrue(page.contains("name=\"attr.fault\""), "the category's choice question: " + page);
        assertTrue(page.contains("value=\"LIGHT\""), page);
        assertTrue(page.contains("与物业公司发生纠纷怎么办"), "the suggested article: " + page);
    }

    /** Intake writes a double NaN as the string "NaN": the page shows no figure rather than refusing the form. */
    @Test
    void aConfidenceThatIsNotANumberIsShownAsNoneAndThePreviewStillAnswers() {
        StandInServices.answer("POST /api/classifications/preview", """
                {"disposition":"NON_POLICE","categoryCode":"PROPERTY","confidence":"NaN","signals":[],
                 "modelVersion":"nb-1","questions":[]}""");
        Response r = preview(TEXT);
        assertEquals(200, r.statusCode(), r.asString());
        assertTrue(r.asString().contains("<dd>—</dd>"), r.asString());
    }

    /** An answer of intake's that does not fit the record is intake's or the console's fault, never the caller's. */
    @Test
    void anAnswerThatDoesNotFitTheRecordIsAServiceProblemNotTheFormsMistake() {
        StandInServices.answer("POST /api/classifications/preview", """
                {"disposition":"NON_POLICE","categoryCode":"PROPERTY","confidence":0.7,"signals":[],
                 "modelVersion":"nb-1","questions":{"code":"community"}}""");
        Response r = preview(TEXT);
        assertEquals(200, r.statusCode(), "the panel says so and the form keeps working: " + r.asString());
        assertTrue(r.asString().contains("后台服务的应答无法读取"), r.asString());
        assertFalse(r.asString().contains("填写有误"), r.asString());

        StandInServices.answer("GET /api/calls/c-1", """
                {"id":{"not":"a string"},"callNumber":"110-20261202-000001"}""");
        Response page = given().get("/calls/c-1").then().extract().response();
        assertEquals(502, page.statusCode(), page.asString());
        assertTrue(page.asString().contains("服务应答无法读取"), page.asString());
        assertFalse(page.asString().contains("not a string"), "the service's words stay in the log: " + page.asString());
    }

    /**
     * The browser keeps one CSRF cookie for all its tabs: opening other pages after the form (a second tab, a poll, the
     * page before the form answering late) must leave the form's token good, or the call-taker's preview
     * and submit are refused.
     */
    @Test
    void aFormStaysGoodWhileOtherPagesAreOpened() {
        Csrf form = csrf();
        String cookie = form.cookie();
        for (String path : List.of("/calls/new", "/calls/new?lang=en")) {
            Response other = given().cookie("linkage-csrf-token", cookie).get(path).then().extract().response();
            assertEquals(200, other.statusCode(), path);
            if (other.cookie("linkage-csrf-token") != null) {
                cookie = other.cookie("linkage-csrf-token");
            }
        }
        Response htmx = given().cookie("linkage-csrf-token", cookie).header("X-CSRF-TOKEN", form.token())
                .header("HX-Request", "true").get("/calls/new").then().extract().response();
        assertEquals(200, htmx.statusCode(), "a poll with the form's token");
        if (htmx.cookie("linkage-csrf-token") != null) {
            cookie = htmx.cookie("linkage-csrf-token");
        }
        StandInServices.answer("POST /api/classifications/preview", """
                {"disposition":"NON_POLICE","categoryCode":"PROPERTY","confidence":0.7,"signals":[],
                 "modelVersion":"nb-1","questions":[]}""");
        Response r = given().cookie("linkage-csrf-token", cookie).header("X-CSRF-TOKEN", form.token())
                .formParam("csrf-token", form.token()).formParam("content", TEXT).formParam("title", "")
                .post("/calls/preview").then().extract().response();
        assertEquals(200, r.statusCode(), "the form opened first still previews: " + r.asString());
    }

    /**
     * A form whose CSRF token a later page renewed (the cookie is the browser's, shared by its tabs) is refused by the
     * CSRF check before any page runs: said in words, not a bare 400.
     */
    @Test
    void aFormWhoseTokenWasRenewedIsToldSoInWords() {
        Csrf old = csrf();
        Csrf renewed = csrf();
        Response r = given().cookie("linkage-csrf-token", renewed.cookie()).header("X-CSRF-TOKEN", old.token())
                .formParam("csrf-token", old.token()).formParam("content", TEXT)
                .post("/calls/preview").then().extract().response();
        assertEquals(400, r.statusCode());
        assertTrue(r.asString().contains("表单已失效"), r.asString());
    }
}
