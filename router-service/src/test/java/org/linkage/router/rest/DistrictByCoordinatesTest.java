package org.linkage.router.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.commons.security.Actor;
import org.linkage.events.Urgency;
import org.linkage.router.repository.Ticket;
import org.linkage.router.service.DispatchService;
import org.linkage.router.service.TicketDraft;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** With a GeoJSON of districts configured (test-boundaries.geojson), coordinates place a ticket the address could not. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class DistrictByCoordinatesTest {
    @Inject
    DispatchService dispatch;

    private Ticket noise(String address, Double lat, Double lon) {
        return QuarkusTransaction.requiringNew().call(() -> dispatch.create(new TicketDraft(UUID.randomUUID(), UUID.randomUUID(),
                null, "110", "NOISE", Urgency.NORMAL, "深夜装修噪音 " + UUID.randomUUID(), address, null, lat, lon,
                null, null, null, null), Actor.system("test")));
    }

    @Test
    void coordinatesInsideADistrictPolygonDispatchToItsUnit() {
        Ticket t = noise("某小区3栋", 30.605, 104.005);
        assertEquals("510105", t.districtCode);
        assertEquals("510105-URBAN", t.leadDepartmentCode);
        assertEquals("510108", noise("某小区5栋", 30.605, 104.205).districtCode, "second polygon of a MultiPolygon");
    }

    @Test
    void theAddressStillWinsOverCoordinatesAndNoMatchStaysManual() {
        assertEquals("510107", noise("武侯区某小区", 30.605, 104.005).districtCode);
        Ticket lost = noise("某小区3栋", 31.9, 103.0);
        assertEquals(null, lost.districtCode);
        assertEquals("PENDING_DISPATCH", lost.status.name());
    }
}
