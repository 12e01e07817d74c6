package org.linkage.router.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Districts as polygons (from a deployment's GeoJSON), for referrals that carry coordinates but no
 * usable district or address. A point on no polygon, or on polygons of two districts, has no answer.
 */
public final class DistrictBoundaries {
    /** One polygon: the outer ring first, then any holes; points are {longitude, latitude} as in GeoJSON. */
    public record Area(String districtCode, List<List<double[]>> rings) {
    }

    private final List<Area> areas;

    public DistrictBoundaries(List<Area> areas) {
        this.areas = List.copyOf(areas);
    }

    public boolean isEmpty() {
        return areas.isEmpty();
    }

    public Optional<String> districtAt(double latitude, double longitude) {
        Set<String> found = areas.stream().filter(a -> contains(a, longitude, latitude))
                .map(Area::districtCode).collect(Collectors.toSet());
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    private static boolean contains(Area area, double x, double y) {
        if (area.rings().isEmpty() || !inRing(area.rings().get(0), x, y)) {
            return false;
        }
        for (int i = 1; i < area.rings().size(); i++) {
            if (inRing(area.rings().get(i), x, y)) {
                return false;
            }
        }
        return true;
    }

    // Ray casting: count the ring's edges crossed by a ray from the point towards +x.
    private static boolean inRing(List<double[]> ring, double x, double y) {
        boolean inside = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            double xi = ring.get(i)[0];
            double yi = ring.get(i)[1];
            double xj = ring.get(j)[0];
            double yj = ring.get(j)[1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }
}
