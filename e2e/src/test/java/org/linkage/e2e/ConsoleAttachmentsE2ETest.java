package org.linkage.e2e;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linkage.testing.files.Evidence;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Evidence in a real browser (issue 13 part 1): the lead unit attaches a phone photo that carries the GPS position in
 * its EXIF from the ticket's page; the file it and anyone else downloads has no EXIF; another unit reaches it neither
 * through the console nor through the router with its own token.
 */
class ConsoleAttachmentsE2ETest {

    @BeforeAll
    static void stack() {
        RunningStack.get();
    }

    @Test
    void theUnitAttachesAPhotoFromTheTicketPageAndItsPositionIsGone() {
        String callId = Calls.submit(Calls.WAGES + "，附现场照片 " + System.nanoTime(), "510107").getString("id");
        String ticketNumber = Calls.awaitDeliveredTicket(callId).getString("ticket.ticketNumber");
        String router = RunningStack.get().serviceUrl("router-service");
        given().auth().oauth2(Tokens.of("agent-hrss")).contentType("application/json").body(Map.of("note", "已签收"))
                .post(router + "/api/tickets/" + ticketNumber + "/sign").then().statusCode(200);
        byte[] photo = Evidence.jpegWithGps(80, 60);

        Page agent = Browser.loggedIn("agent-hrss", "/tickets/" + ticketNumber);
        agent.waitForSelector("#no-attachments");
        agent.setInputFiles("#attachment-file", new FilePayload("现场照片.jpg", "image/jpeg", photo));
        agent.click("#attachments button[type=submit]");
        agent.waitForSelector("#done");
        assertTrue(agent.textContent("#done").contains("附件已上传"));
        String row = "#attachments tr[data-attachment]";
        assertTrue(agent.textContent(row).contains("现场照片.jpg"));
        assertTrue(agent.textContent(row).contains("JPEG 照片"));
        assertTrue(agent.textContent("section[aria-labelledby=h-history]").contains("上传附件"));
        String href = agent.getAttribute(row + " a", "href");

        APIResponse served = agent.request().get(Browser.console() + href);
        assertEquals(200, served.status());
        assertEquals("image/jpeg", served.headers().get("content-type"));
        assertEquals("nosniff", served.headers().get("x-content-type-options"));
        assertTrue(served.headers().get("content-disposition").startsWith("attachment;"));
        byte[] bytes = served.body();
        assertFalse(Evidence.jpegMarkers(bytes).contains(0xE1), "no EXIF segment");
        assertFalse(Evidence.contains(bytes, Evidence.EXIF_MARKER));
        Browser.screenshot(agent, "ticket-attachments-zh");
        agent.context().close();

        Page other = Browser.loggedIn("agent-wuhou", "/tickets");
        APIResponse refused = other.request().get(Browser.console() + href);
        assertEquals(404, refused.status(), "another unit's console gets nothing");
        other.context().close();
        String id = href.substring(href.lastIndexOf('/') + 1);
        given().auth().oauth2(Tokens.of("agent-wuhou"))
                .get(router + "/api/tickets/" + ticketNumber + "/attachments/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.of("dispatcher1"))
                .get(router + "/api/tickets/" + ticketNumber + "/attachments").then().statusCode(200)
                .body("[0].fileName", org.hamcrest.Matchers.equalTo("现场照片.jpg"));
    }
}
