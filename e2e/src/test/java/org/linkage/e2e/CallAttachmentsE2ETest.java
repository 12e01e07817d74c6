package org.linkage.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linkage.testing.files.Evidence;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Evidence on a 110 call in a real browser (issue 13 part 1): the call-taker attaches a photo with the GPS position in
 * its EXIF from the call's page; once the ticket exists the file is on it, without the position, for the lead unit.
 */
class CallAttachmentsE2ETest {

    @BeforeAll
    static void stack() {
        RunningStack.get();
    }

    @Test
    void aPhotoAttachedToTheCallReachesTheTicketWithoutItsPosition() {
        String callId = Calls.submit(Calls.WAGES + "，来电附照片 " + System.nanoTime(), "510107").getString("id");
        byte[] photo = Evidence.jpegWithGps(80, 60);

        Page taker = Browser.loggedIn("calltaker1", "/calls/" + callId);
        taker.waitForSelector("#no-attachments");
        taker.setInputFiles("#attachment-file", new FilePayload("来电照片.jpg", "image/jpeg", photo));
        taker.click("#attachments button[type=submit]");
        String row = "#attachments tr[data-attachment]";
        taker.waitForSelector(row);
        assertTrue(taker.textContent(row).contains("来电照片.jpg"));
        assertTrue(taker.textContent(row).contains("JPEG 照片"));
        taker.context().close();

        String ticketNumber = Calls.awaitDeliveredTicket(callId).getString("ticket.ticketNumber");
        String router = RunningStack.get().serviceUrl("router-service");
        String fileId = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() ->
                given().auth().oauth2(Tokens.of("agent-hrss")).get(router + "/api/tickets/" + ticketNumber + "/attachments")
                        .then().statusCode(200).extract().jsonPath().<String>getList("findAll { it.fileName == '来电照片.jpg' }.id"),
                l -> l.size() == 1).get(0);
        byte[] bytes = given().auth().oauth2(Tokens.of("agent-hrss"))
                .get(router + "/api/tickets/" + ticketNumber + "/attachments/" + fileId).then().statusCode(200)
                .extract().asByteArray();
        assertFalse(Evidence.contains(bytes, Evidence.EXIF_MARKER), "the position never reaches the unit");
        given().auth().oauth2(Tokens.of("agent-wuhou"))
                .get(router + "/api/tickets/" + ticketNumber + "/attachments/" + fileId).then().statusCode(404);
    }
}
