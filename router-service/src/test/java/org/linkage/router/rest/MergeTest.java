package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventTypes;
import org.linkage.events.Topics;
import org.linkage.router.domain.TicketStatus;
import org.linkage.router.repository.Ticket;
import org.linkage.router.service.TicketService;
import org.linkage.router.support.Fixtures;
import org.linkage.router.support.KafkaSupport;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Duplicates are flagged, a dispatcher merges them, and every caller hears the master's answer. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class MergeTest {
    @Inject
    Fixtures fixtures;
    @Inject
    TicketService tickets;

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void duplicateIsFlaggedMergedAndGetsTheMastersAnswer() {
        String place = "金牛区" + UUID.randomUUID().toString().substring(0, 6);
        Ticket master = fixtures.dispatched("CITY", "510106", place + "茶店子路口占道经营夜市摊贩噪声大垃圾多");
        Ticket duplicate = fixtures.dispatched("CITY", "510106", place + "茶店子路口夜市摊贩占道经营垃圾多");
        Ticket unrelated = fixtures.dispatched("CITY", "510106", "小区绿化带被毁坏请求修复");

        assertEquals(master.id, fixtures.reload(duplicate.ticketNumber).duplicateOf);
        assertEquals(null, fixtures.reload(unrelated.ticketNumber).duplicateOf);
        given().get("/api/tickets/" + duplicate.ticketNumber + "/duplicates").then().statusCode(200)
                .body("ticketNumber", hasItem(master.ticketNumber))
                .body("ticketNumber", not(hasItem(unrelated.ticketNumber)));
        given().get("/api/tickets/" + duplicate.ticketNumber).then().body("duplicateOf", equalTo(master.ticketNumber));
        given().get("/api/tickets?duplicates=true&size=500").then().statusCode(200)
                .body("items.ticketNumber", hasItem(duplicate.ticketNumber))
                .body("items.ticketNumber", not(hasItem(unrelated.ticketNumber)));

        given().contentType(ContentType.JSON).body("{\"masterTicketNumber\":\"" + duplicate.ticketNumber + "\"}")
                .post("/api/tickets/" + duplicate.ticketNumber + "/merge").then().statusCode(400)
                .body("errors[0].field", equalTo("masterTicketNumber"));
        given().contentType(ContentType.JSON).body("{\"masterTicketNumber\":\"" + master.ticketNumber + "\"}")
                .post("/api/tickets/" + duplicate.ticketNumber + "/merge").then().statusCode(200)
                .body("status", equalTo("MERGED"));
        given().get("/api/tickets/" + duplicate.ticketNumber).then().body("masterTicketNumber", equalTo(master.ticketNumber));
        given().get("/api/tickets?duplicates=true&size=500").then()
                .body("items.ticketNumber", not(hasItem(duplicate.ticketNumber)));

        String unit = master.leadDepartmentCode;
        QuarkusTransaction.requiringNew().run(() -> tickets.sign(master.ticketNumber, Fixtures.agent(unit), null));
        QuarkusTransaction.requiringNew().run(() -> tickets.reply(master.ticketNumber, Fixtures.agent(unit), "已取缔占道夜市"));

        List<KafkaSupport.Event> toDuplicateCall = KafkaSupport.read(Topics.TICKETS, e -> duplicate.id.toString().equals(e.key())
                && EventTypes.TICKET_STATUS_CHANGED.equals(e.type()) && "REPLIED".equals(e.data().path("status").asText()),
                1, Duration.ofSeconds(30));
        assertEquals("已取缔占道夜市", toDuplicateCall.get(0).data().get("answer").asText());
        assertEquals(duplicate.callId.toString(), toDuplicateCall.get(0).data().get("callId").asText());
        assertEquals(duplicate.ticketNumber, toDuplicateCall.get(0).subject());

        // A merged ticket is final.
        given().contentType(ContentType.JSON).body("{\"masterTicketNumber\":\"" + unrelated.ticketNumber + "\"}")
                .post("/api/tickets/" + duplicate.ticketNumber + "/merge").then().statusCode(409)
                .body("currentStatus", equalTo("MERGED"));
    }

    /**
     * A into B and B into A at the same moment: the two tickets are locked in one fixed order, so the
     * second merge waits for the first and is refused for what it then sees, never by a deadlock.
     */
    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void oppositeMergesOfOnePairNeverDeadlockAndExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                Ticket a = fixtures.dispatched();
                Ticket b = fixtures.dispatched();
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Response> aIntoB = pool.submit(() -> merge(a, b, together));
                Future<Response> bIntoA = pool.submit(() -> merge(b, a, together));
                List<Response> answers = List.of(aIntoB.get(), bIntoA.get());
                String seen = "round " + round + ": " + answers.stream().map(r -> r.statusCode() + " " + r.asString()).toList();

                List<Response> won = answers.stream().filter(r -> r.statusCode() == 200).toList();
                List<Response> lost = answers.stream().filter(r -> r.statusCode() == 409).toList();
                assertEquals(1, won.size(), seen);
                assertEquals(1, lost.size(), seen);
                assertEquals("MERGED", lost.get(0).path("masterStatus"), seen);
                assertTrue(lost.get(0).<String>path("detail").contains("already merged"), seen);

                Ticket afterA = fixtures.reload(a.ticketNumber);
                Ticket afterB = fixtures.reload(b.ticketNumber);
                Ticket merged = afterA.status == TicketStatus.MERGED ? afterA : afterB;
                Ticket master = merged == afterA ? afterB : afterA;
                assertEquals(TicketStatus.DISPATCHED, master.status, seen);
                assertEquals(master.id, merged.masterTicketId, seen);
                assertEquals(null, master.masterTicketId, seen);
            }
        } finally {
            pool.shutdown();
        }
    }

    private static Response merge(Ticket ticket, Ticket into, CyclicBarrier together) throws Exception {
        together.await();
        return given().contentType(ContentType.JSON).body("{\"masterTicketNumber\":\"" + into.ticketNumber + "\"}")
                .post("/api/tickets/" + ticket.ticketNumber + "/merge").andReturn();
    }
}
