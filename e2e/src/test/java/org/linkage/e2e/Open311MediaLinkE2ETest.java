package org.linkage.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 part 1 through the whole stack: the photo link an Open311 client sends with its report reaches the ticket,
 * where the lead unit sees it and another unit does not; a link into the hotline's own network never gets there; the
 * department's webhook does not carry the client's link (only the router's expiring ones).
 */
class Open311MediaLinkE2ETest {
    private static final String KEY = "open311-demo-key";
    // RestAssured encodes form fields in ISO-8859-1 unless told otherwise, which turns the Chinese description into
    // question marks; a real client sends UTF-8.
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    @BeforeAll
    static void stack() {
        RunningStack.get();
    }

    private static String file(String mediaUrl) {
        String bridge = RunningStack.get().serviceUrl("hotline-bridge");
        return number(given().contentType(FORM).formParam("api_key", KEY).formParam("service_code", "WAGES")
                .formParam("address_string", "成都市武侯区簇桥街道某工地")
                .formParam("description", Calls.WAGES + " " + UUID.randomUUID()).formParam("phone", "13900001111")
                .formParam("media_url", mediaUrl)
                .post(bridge + "/open311/v2/requests.json").then().statusCode(201)
                .extract().response());
    }

    /**
     * The ticket number of a filed request. On a busy machine the bridge may not reach the classifier in time and holds
     * the request, answering with a token; the number then appears on the token once the held check has run.
     */
    private static String number(io.restassured.response.Response filed) {
        String number = filed.path("[0].service_request_id");
        if (number != null) {
            return number;
        }
        String token = filed.path("[0].token");
        String bridge = RunningStack.get().serviceUrl("hotline-bridge");
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                given().queryParam("api_key", KEY).get(bridge + "/open311/v2/tokens/" + token + ".json")
                        .then().statusCode(200).extract().<String>path("[0].service_request_id"),
                java.util.Objects::nonNull);
    }

    @Test
    void theCallersPhotoLinkReachesTheLeadUnitAndNoOtherUnit() {
        String link = "https://photos.citizen-app.example.com/" + UUID.randomUUID() + ".jpg";
        String number = file(link);
        String router = RunningStack.get().serviceUrl("router-service");
        given().auth().oauth2(Tokens.of("agent-hrss")).get(router + "/api/tickets/" + number).then().statusCode(200)
                .body("leadDepartment.code", equalTo("CD-HRSS")).body("callerMediaUrl", equalTo(link));
        given().auth().oauth2(Tokens.of("agent-wuhou")).get(router + "/api/tickets/" + number).then().statusCode(404);

        // On the ticket's page: a plain link, Chinese label first, opened only on a click, in a new tab.
        com.microsoft.playwright.Page agent = Browser.loggedIn("agent-hrss", "/tickets/" + number);
        agent.waitForSelector("#ticket-media-link");
        String a = "#ticket-media-link a";
        assertEquals(link, agent.getAttribute(a, "href"));
        assertEquals("_blank", agent.getAttribute(a, "target"));
        assertTrue(agent.getAttribute(a, "rel").contains("noopener"));
        assertTrue(agent.textContent("section[aria-labelledby=h-matter]").contains("来电人照片链接"));
        assertEquals(0, agent.locator("img[src*='photos.citizen-app']").count(), "never embedded");
        agent.context().close();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                RunningStack.get().inbox().received().stream().anyMatch(r -> r.body().contains(number)));
        RunningStack.get().inbox().received().stream().filter(r -> r.body().contains(number))
                .forEach(r -> assertFalse(r.body().contains("photos.citizen-app"), r.body()));
    }

    @Test
    void aLinkIntoTheHotlinesOwnNetworkNeverReachesTheTicket() {
        String bridge = RunningStack.get().serviceUrl("hotline-bridge");
        String number = number(given().contentType(FORM).formParam("api_key", KEY).formParam("service_code", "WAGES")
                .formParam("address_string", "成都市武侯区簇桥街道某工地")
                .formParam("description", Calls.WAGES + " " + UUID.randomUUID())
                .formParam("media_url", "https://169.254.169.254/latest/meta-data/")
                .post(bridge + "/open311/v2/requests.json").then().statusCode(201)
                .body("[0].service_notice", containsString("media_url was not kept"))
                .extract().response());
        String router = RunningStack.get().serviceUrl("router-service");
        given().auth().oauth2(Tokens.of("dispatcher1")).get(router + "/api/tickets/" + number).then().statusCode(200)
                .body("callerMediaUrl", nullValue());
    }
}
