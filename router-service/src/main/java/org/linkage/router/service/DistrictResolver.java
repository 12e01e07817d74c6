package org.linkage.router.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.router.domain.PlaceMatcher;
import org.linkage.router.repository.District;
import org.linkage.router.repository.DistrictPlace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** District of a ticket: the explicit code when it is a known active district, else the address text. */
@ApplicationScoped
public class DistrictResolver {

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
