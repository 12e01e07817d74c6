package org.linkage.router.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.linkage.events.EventTypes;
import org.linkage.events.Topics;
import org.linkage.router.support.KafkaSupport;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The router owns the districts: every save through the admin API is announced for intake to follow. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class DistrictAnnouncementTest {

    @Test
    @TestSecurity(user = "admin1", roles = "admin")
    void aSavedDistrictIsAnnounced() {
        // saved as it stands (no streets or aliases given: the district's places are kept), so other tests see the seed
        JsonPath wuhou = given().get("/api/admin/districts").then().statusCode(200).extract().jsonPath();
        Map<String, Object> d = wuhou.getMap("find { it.code == '510107' }");
        given().contentType(ContentType.JSON)
                .body(Map.of("code", "510107", "nameZh", d.get("nameZh"), "nameEn", d.get("nameEn"), "city", d.get("city"),
                        "active", true))
                .put("/api/admin/districts/510107").then().statusCode(200);

        List<KafkaSupport.Event> announced = KafkaSupport.read(Topics.DISTRICTS,
                e -> "510107".equals(e.key()) && EventTypes.DISTRICT_CHANGED.equals(e.type()), 1, Duration.ofSeconds(20));
        assertFalse(announced.isEmpty(), "the saved district was not announced on " + Topics.DISTRICTS);
        KafkaSupport.Event e = announced.get(announced.size() - 1);
        assertEquals("510107", e.subject());
        assertEquals("武侯区", e.data().get("nameZh").asText());
        assertEquals("Wuhou District", e.data().get("nameEn").asText());
        assertEquals(true, e.data().get("active").asBoolean());
    }
}
