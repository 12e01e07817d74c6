package org.linkage.router.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.router.repository.Ticket;
import org.linkage.router.support.Fixtures;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** Bad input answers 400 problem+json naming the field; never a 500. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class BadInputTest {
    @Inject
    Fixtures fixtures;

    @Test
    @TestSecurity(user = "agent-hrss", roles = "dept-agent",
            attributes = @io.quarkus.test.security.SecurityAttribute(key = "department", value = "CD-HRSS"))
    void agentActions() {
        Ticket t = fixtures.signed();
        String base = "/api/tickets/" + t.ticketNumber;
        given().contentType(ContentType.JSON).body("{\"answer\":").post(base + "/reply").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.JSON).body("{\"answer\":\"" + "长".repeat(4001) + "\"}").post(base + "/reply")
                .then().statusCode(400).body("errors.field", hasItem(equalTo("answer")));
        given().contentType(ContentType.JSON).body("{\"reason\":\"r\",\"newResolveBy\":\"next week\"}")
                .post(base + "/extensions").then().statusCode(400).body("errors.field", hasItem(equalTo("newResolveBy")));
        given().contentType(ContentType.JSON).post(base + "/reply").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"note\":\"  \"}").post(base + "/progress").then().statusCode(400)
                .body("errors[0].field", equalTo("note"));
        given().get("/api/tickets?status=SOMETHING").then().statusCode(400).contentType(startsWith("application/problem+json"));
        given().get("/api/tickets?size=100000").then().statusCode(400);
        given().get("/api/tickets/12345-19990101-999999").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    @TestSecurity(user = "supervisor1", roles = "supervisor")
    void statistics() {
        given().get("/api/statistics?from=yesterday").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().get("/api/statistics?groupBy=colour").then().statusCode(400);
        given().get("/api/statistics?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z").then().statusCode(400);
        given().get("/api/statistics/hotspots?factor=abc").then().statusCode(400);
    }

    @Test
    @TestSecurity(user = "hotline-bridge", roles = "service:bridge")
    void integration() {
        String ok = "{\"channel\":\"OPEN311:demo\",\"categoryCode\":\"NOISE\",\"content\":\"广场舞噪音\",\"address\":\"武侯区玉林街道\"}";
        given().contentType(ContentType.JSON).body(ok.replace("NOISE", "WHATEVER")).header("Idempotency-Key", "bad-input-0001").post("/api/integration/requests")
                .then().statusCode(400).body("errors[0].field", equalTo("categoryCode"));
        given().contentType(ContentType.JSON).body(ok.replace("}", ",\"districtCode\":\"999999\"}")).header("Idempotency-Key", "bad-input-0001").post("/api/integration/requests")
                .then().statusCode(400).body("errors[0].field", equalTo("districtCode"));
        given().contentType(ContentType.JSON).body(ok.replace("}", ",\"latitude\":\"north\"}")).header("Idempotency-Key", "bad-input-0001").post("/api/integration/requests")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        given().contentType(ContentType.JSON).body(ok.replace("}", ",\"latitude\":123.0}")).header("Idempotency-Key", "bad-input-0001").post("/api/integration/requests")
                .then().statusCode(400).body("errors.field", hasItem(equalTo("latitude")));
        given().contentType(ContentType.JSON).body(ok.replace("广场舞噪音", "")).header("Idempotency-Key", "bad-input-0001").post("/api/integration/requests")
                .then().statusCode(400).body("errors.field", hasItem(equalTo("content")));
        given().contentType(ContentType.JSON).body("{\"departmentCode\":\"CD-HRSS\",\"action\":\"DANCE\"}")
                .post("/api/integration/tickets/12345-19990101-999999/updates").then().statusCode(400)
                .body("errors.field", hasItem(equalTo("action")));
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void admin() {
        given().contentType(ContentType.JSON).body("{\"leadKind\":\"MUNICIPAL\",\"defaultUrgency\":\"NORMAL\",\"signLimit\":\"soon\",\"resolveLimit\":\"5WD\",\"leadDepartmentCode\":\"CD-HRSS\"}")
                .put("/api/admin/catalogue/WAGES").then().statusCode(400).body("errors[0].field", equalTo("signLimit"));
        given().contentType(ContentType.JSON).body("{\"holidays\":[{\"date\":\"2027-13-01\"}],\"workdays\":[]}")
                .put("/api/admin/calendar/2027").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"holidays\":[{\"date\":\"2028-01-01\"}],\"workdays\":[]}")
                .put("/api/admin/calendar/2027").then().statusCode(400).body("errors[0].field", equalTo("holidays[0].date"));
        given().contentType(ContentType.JSON).body("{\"code\":\"X-1\",\"nameZh\":\"某局\",\"nameEn\":\"Some bureau\",\"level\":\"MUNICIPAL\",\"adapter\":\"WEBHOOK\"}")
                .post("/api/admin/departments").then().statusCode(400).body("errors[0].field", equalTo("endpointUrl"));
        given().contentType(ContentType.JSON).body("{\"code\":\"X-1\",\"nameZh\":\"某局\",\"nameEn\":\"Some bureau\",\"level\":\"GALACTIC\",\"adapter\":\"NONE\"}")
                .post("/api/admin/departments").then().statusCode(400).body("errors.field", hasItem(equalTo("level")));
    }
}
