package org.linkage.router.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DistrictBoundariesTest {
    static List<double[]> square(double lon, double lat, double size) {
        return List.of(new double[]{lon, lat}, new double[]{lon + size, lat}, new double[]{lon + size, lat + size},
                new double[]{lon, lat + size}, new double[]{lon, lat});
    }

    private final DistrictBoundaries map = new DistrictBoundaries(List.of(
            new DistrictBoundaries.Area("A", List.of(square(104.0, 30.0, 1.0), square(104.4, 30.4, 0.2))),
            new DistrictBoundaries.Area("B", List.of(square(105.0, 30.0, 1.0))),
            new DistrictBoundaries.Area("C", List.of(square(105.5, 30.5, 1.0)))));

    @Test
    void pointInsideOnePolygonIsThatDistrict() {
        assertEquals(Optional.of("A"), map.districtAt(30.1, 104.1));
        assertEquals(Optional.of("C"), map.districtAt(31.2, 106.2));
    }

    @Test
    void holesOverlapsAndOutsideHaveNoAnswer() {
        assertEquals(Optional.empty(), map.districtAt(30.5, 104.5), "inside A's hole");
        assertEquals(Optional.empty(), map.districtAt(30.7, 105.7), "B and C overlap here");
        assertEquals(Optional.empty(), map.districtAt(40.0, 120.0));
    }
}
