package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linkage.router.repository.DispatchRule;
import org.linkage.router.repository.Ticket;
import org.linkage.router.service.CalendarService;
import org.linkage.router.support.Fixtures;
import org.linkage.router.support.TestClock;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.linkage.router.rest.SupervisionTest.shanghai;

/** Reference data through the admin API: seeded Chengdu data, versioned catalogue, loadable calendar years. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class AdminTest {
    @Inject
    Fixtures fixtures;
    @Inject
    CalendarService calendars;
    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void chengduIsSeeded() {
        given().get("/api/admin/districts").then().statusCode(200).body("$", hasSize(23))
                .body("find { it.code == '510107' }.streets", hasItem("玉林街道"))
                .body("find { it.code == '510107' }.aliases", hasItem("武侯"));
        given().get("/api/admin/departments").then().statusCode(200)
                .body("code", hasItem("CD-HRSS")).body("code", hasItem("510107-GOV")).body("code", hasItem("CD-TIANFU-URBAN"))
                .body("find { it.code == '510107-URBAN' }.nameZh", equalTo("武侯区综合行政执法局"));
        given().get("/api/admin/calendar/2026").then().statusCode(200)
                .body("holidays", hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7)).body("workdays", hasSize(6));
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void catalogueChangeIsANewVersionAndOldTicketsKeepTheirRule() {
        Ticket before = fixtures.dispatched("TRANSPORT", "510105", "公交车到站不停 " + System.nanoTime());
        given().contentType(ContentType.JSON).body("""
                {"leadKind":"DISTRICT","leadFunction":"GOV","supporting":["CD-TRANSPORT"],"defaultUrgency":"NORMAL",
                 "signLimit":"4WH","resolveLimit":"3WD","callbackRequired":true}""")
                .put("/api/admin/catalogue/TRANSPORT").then().statusCode(200)
                .body("version", equalTo(2)).body("current", equalTo(true));
        given().get("/api/admin/catalogue/TRANSPORT/versions").then().body("version", equalTo(java.util.List.of(1, 2)))
                .body("current", equalTo(java.util.List.of(false, true)));
        Ticket after = fixtures.dispatched("TRANSPORT", "510105", "出租车拒载 " + System.nanoTime());
        assertEquals("510105-GOV", after.leadDepartmentCode);
        int oldVersion = QuarkusTransaction.requiringNew().call(() ->
                DispatchRule.<DispatchRule>findById(fixtures.reload(before.ticketNumber).ruleId).version);
        assertEquals(1, oldVersion);
        assertEquals("CD-TRANSPORT", fixtures.reload(before.ticketNumber).leadDepartmentCode);
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void aLaterYearIsLoadedAsDataAndDeadlinesHonourIt() {
        assertFalse(false);
        given().contentType(ContentType.JSON).body("""
                {"holidays":[{"date":"2027-01-01","name":"元旦"},{"date":"2027-01-04","name":"test holiday"}],
                 "workdays":[{"date":"2027-01-02","name":"调休"}]}""")
                .put("/api/admin/calendar/2027").then().statusCode(200).body("holidays", hasSize(2)).body("workdays", hasSize(1));
        assertEquals(false, calendars.current().isWorkingDay(LocalDate.parse("2027-01-04")));
        assertEquals(true, calendars.current().isWorkingDay(LocalDate.parse("2027-01-02")));
        // Dispatched Thu 2026-12-31 16:00: Fri 01-01 off, Sat 01-02 works → sign-for (1 working day) due Sat 16:00.
        clock.set(shanghai("2026-12-31T16:00"));
        Ticket t = fixtures.dispatched();
        assertEquals(shanghai("2027-01-02T16:00"), t.signBy);
    }

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void departmentsAreCreatedAndUpdated() {
        String body = """
                {"code":"510107-YULIN","nameZh":"玉林街道办事处","nameEn":"Yulin Subdistrict Office","level":"STREET",
                 "parentCode":"510107-GOV","districtCode":"510107","adapter":"NONE"}""";
        given().contentType(ContentType.JSON).body(body).post("/api/admin/departments").then().statusCode(201)
                .body("active", equalTo(true)).body("updatedBy", equalTo("admin1"));
        given().contentType(ContentType.JSON).body(body).post("/api/admin/departments").then().statusCode(409);
        given().contentType(ContentType.JSON).body(body.replace("\"NONE\"", "\"WEBHOOK\",\"endpointUrl\":\"https://yulin.example/hook\""))
                .put("/api/admin/departments/510107-YULIN").then().statusCode(200)
                .body("endpointUrl", equalTo("https://yulin.example/hook"));
        given().contentType(ContentType.JSON).body(body).put("/api/admin/departments/OTHER").then().statusCode(400)
                .body("errors[0].field", equalTo("code"));
    }

    @Test
    @TestSecurity(user = "dispatcher1", roles = "dispatcher")
    void onlyAdminsChangeReferenceData() {
        given().get("/api/admin/departments").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"holidays\":[],\"workdays\":[]}").put("/api/admin/calendar/2030")
                .then().statusCode(403);
    }
}
