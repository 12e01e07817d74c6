package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.router.domain.PlaceMatcher;
import org.linkage.router.repository.District;
import org.linkage.router.repository.DistrictPlace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * District of a ticket: the explicit code when it is a known active district, else the address
 * text, else the coordinates against the deployment's district polygons (when it supplies them).
 */
@ApplicationScoped
public class DistrictResolver {
    private final BoundaryLoader boundaries;

    public DistrictResolver(BoundaryLoader boundaries) {
        this.boundaries = boundaries;
    }

    public Optional<String> resolve(String districtCode, String address, Double latitude, Double longitude) {
        Optional<String> found = resolve(districtCode, address);
        if (found.isPresent() || latitude == null || longitude == null) {
            return found;
        }
        return boundaries.boundaries().districtAt(latitude, longitude)
                .filter(code -> District.<District>findByIdOptional(code).map(d -> d.active).orElse(false));
    }

    public Optional<String> resolve(String districtCode, String address) {
        if (districtCode != null && !districtCode.isBlank()) {
            District known = District.findById(districtCode.trim());
            if (known != null && known.active) {
                return Optional.of(known.code);
            }
        }
        return matcher().districtOf(address);
    }

    // Read per ticket: a few hundred short rows, and admin edits take effect at once.
    private PlaceMatcher matcher() {
        List<PlaceMatcher.Place> places = new ArrayList<>();
        for (District d : District.<District>list("active", true)) {
            places.add(new PlaceMatcher.Place(d.code, d.nameZh));
        }
        for (DistrictPlace p : DistrictPlace.<DistrictPlace>listAll()) {
            places.add(new PlaceMatcher.Place(p.districtCode, p.name));
        }
        return new PlaceMatcher(places);
    }
}
