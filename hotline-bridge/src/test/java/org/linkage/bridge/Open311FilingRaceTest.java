package org.linkage.bridge;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.bridge.domain.Open311Mapping;
import org.linkage.bridge.repository.Open311Request;
import org.linkage.bridge.service.TicketReadModel;
import org.linkage.events.TicketDispatched;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Issue 10, item 2: the dispatch event and our own Open311 filing write the same read-model row at the
 * same moment, and both land (the row keeps the filer's channel); a client that retries the same POST
 * gets the first ticket, because the router sees the same idempotency key.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(WireMockResource.class)
class Open311FilingRaceTest {
    private static final String ROUTER_REQUESTS = "/router/api/integration/requests";
    private static final String CHANNEL = Open311Mapping.channel("demo-client");

    @Inject
    TicketReadModel readModel;

    @Test
    void dispatchAndFilingAtTheSameMomentBothLandAndTheRowKeepsTheChannel() throws Exception {
        race(true);
    }

    @Test
    void filingThenDispatchAtTheSameMomentBothLandAndTheRowKeepsTheChannel() throws Exception {
        race(false);
    }

    private void race(boolean dispatchFirst) throws Exception {
        TicketDispatched t = Tickets.dispatched("CD-HRSS", "NONE", null);
        Instant now = Instant.now();
        CountDownLatch firstWritten = new CountDownLatch(1);
        Runnable dispatch = () -> readModel.dispatched(t, now);
        Runnable file = () -> readModel.filed(t.ticketId(), t.ticketNumber(), "PENDING_DISPATCH", "WAGES",
                t.content(), t.address(), null, null, CHANNEL, now);
        Runnable first = dispatchFirst ? dispatch : file;
        Runnable second = dispatchFirst ? file : dispatch;

        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            first.run();
            Open311Request.getEntityManager().flush();
            firstWritten.countDown();
            sleep(1500); // the other writer comes in while this row is written but not yet committed
        }));
        firstWritten.await(30, TimeUnit.SECONDS);
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(second));
        a.get(30, TimeUnit.SECONDS);
        b.get(30, TimeUnit.SECONDS);

        Open311Request row = QuarkusTransaction.requiringNew().call(() -> Open311Request.<Open311Request>findById(t.ticketId()));
        assertEquals(CHANNEL, row.channel, "the filer could never see its request");
        assertEquals(t.ticketNumber(), row.serviceRequestId);
        assertEquals(t.districtCode(), row.districtCode, "the dispatch's fields were lost");
    }

    @Test
    void aRetriedPostGetsTheFirstTicket() {
        String marker = UUID.randomUUID().toString();
        String number = Tickets.nextNumber();
        var wm = WireMockResource.server();
        wm.stubFor(post(urlPathEqualTo("/intake/api/classifications/preview")).withRequestBody(containing(marker))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"disposition\":\"NON_POLICE\",\"categoryCode\":\"NOISE\",\"confidence\":0.9,\"signals\":[],\"modelVersion\":\"t\"}")));
        // The router answers a repeated key with the ticket it filed first (integration_request_key).
        wm.stubFor(post(urlPathEqualTo(ROUTER_REQUESTS)).withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"ticketId\":\"" + UUID.randomUUID() + "\",\"ticketNumber\":\"" + number
                                + "\",\"status\":\"DISPATCHED\"}")));

        for (int i = 0; i < 2; i++) {
            // The client's first answer was lost, so it posts the very same request again.
            file("夜间噪音 " + marker).statusCode(201).body("[0].service_request_id", equalTo(number));
        }
        file("夜间噪音 另一件事 " + marker).statusCode(201);
        given().header("Idempotency-Key", "client-key-" + marker).formParam("api_key", "open311-demo-key")
                .formParam("service_code", "NOISE").formParam("address_string", "武侯区玉林街道")
                .formParam("description", "夜间噪音 " + marker).post("/open311/v2/requests.json").then().statusCode(201);

        List<String> keys = wm.findAll(postRequestedFor(urlPathEqualTo(ROUTER_REQUESTS)).withRequestBody(containing(marker)))
                .stream().map((LoggedRequest r) -> r.getHeader("Idempotency-Key")).toList();
        assertEquals(4, keys.size());
        assertEquals(keys.get(0), keys.get(1), "a retried POST was filed under a new key: a second ticket");
        assertNotEquals(keys.get(0), keys.get(2), "another request must not reuse the first one's key");
        assertNotEquals(keys.get(0), keys.get(3), "the client's own key decides when it sends one");
    }

    private static io.restassured.response.ValidatableResponse file(String description) {
        return given().formParam("api_key", "open311-demo-key").formParam("service_code", "NOISE")
                .formParam("address_string", "武侯区玉林街道").formParam("description", description)
                .post("/open311/v2/requests.json").then();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
