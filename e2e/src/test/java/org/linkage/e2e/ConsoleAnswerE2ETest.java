package org.linkage.e2e;

import com.microsoft.playwright.Page;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 咨询直接答复 on 12345 in a real browser: a unit writes an article and a supervisor publishes it; a dispatcher answers a
 * caller's question that reached 12345 directly, from the article the screen suggests as the question is typed. No
 * ticket; the contact is on record with the article and counts as resolved at first contact on the 12345 line.
 */
class ConsoleAnswerE2ETest {

    @BeforeAll
    static void stack() {
        RunningStack.get();
    }

    private static String router() {
        return RunningStack.get().serviceUrl("router-service");
    }

    /** An article of the labour bureau, written by its agent and published by a supervisor, as the workflow wants. */
    private static long publishedArticle(String keyword) {
        long id = given().auth().oauth2(Tokens.of("agent-hrss")).contentType(ContentType.JSON)
                .body(Map.of("categoryCode", "SOCIAL_SECURITY", "titleZh", "灵活就业人员" + keyword + "办理指南",
                        "bodyZh", "携带身份证到户籍所在地社保经办机构办理，也可在天府通办App线上办理。",
                        "keywords", List.of(keyword), "submit", true))
                .post(router() + "/api/knowledge/articles").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.of("supervisor1")).contentType(ContentType.JSON).body(Map.of("approve", true))
                .post(router() + "/api/knowledge/articles/" + id + "/versions/1/review").then().statusCode(200);
        return id;
    }

    @Test
    void aDispatcherAnswersADirectQuestionFromTheSuggestedArticle() {
        // A keyword of this run only, so the suggestion is this article and no other test's.
        String keyword = "社保续" + Long.toString(System.nanoTime() % 100_000, 36);
        long article = publishedArticle(keyword);

        Page desk = Browser.loggedIn("dispatcher1", "/answers/new");
        desk.selectOption("#categoryCode", "SOCIAL_SECURITY");
        desk.fill("#content", "请问一下，我辞职了，" + keyword + "要到哪里去办？");
        desk.waitForSelector("#ac-articles input[name=article][value='" + article + "']");
        Browser.screenshot(desk, "dispatcher-answer-zh");
        desk.check("#ac-articles input[name=article][value='" + article + "']");
        desk.fill("#note", "已告知线上办理方式");
        desk.click("#ac-submit");
        desk.waitForURL(url -> url.matches(".*/answers/12345-C-\\d{8}-\\d{6}.*"));
        String number = desk.url().replaceAll(".*/answers/([^?#]+).*", "$1");
        assertTrue(desk.textContent("main").contains(number), "the dispatcher reads the contact's number");
        assertTrue(desk.textContent("main").contains(keyword), "and the article cited");

        JsonPath contact = given().auth().oauth2(Tokens.of("supervisor1"))
                .get(router() + "/api/contacts/answered/" + number).then().statusCode(200).extract().jsonPath();
        assertEquals("12345", contact.getString("line"));
        assertEquals(List.of(article), contact.getList("articles.id", Long.class), "the contact cites the article ticked");
        assertEquals("dispatcher1", contact.getString("answeredBy"));
        desk.context().close();
    }
}
