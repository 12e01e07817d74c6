package org.linkage.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.intake.domain.District;
import org.linkage.intake.domain.Districts;
import org.linkage.intake.repository.AnnouncedDistrict;
import org.linkage.intake.repository.AnnouncedDistrictRepository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The districts intake accepts. The router owns them: what it announced ({@link DistrictListener}) wins, and the
 * list intake ships with ({@link Districts}, from the CSV) answers only for codes the router never announced, so
 * intake works before the first announcement and while Kafka is away.
 */
@ApplicationScoped
public class DistrictDirectory {
    private final Districts shipped;
    private final AnnouncedDistrictRepository announced;

    public DistrictDirectory(Districts shipped, AnnouncedDistrictRepository announced) {
        this.shipped = shipped;
        this.announced = announced;
    }

    /** Whether a new call may name this district: announced active, or shipped and never announced. */
    public boolean accepts(String code) {
        if (code == null) {
            return false;
        }
        AnnouncedDistrict a = announced.findById(code);
        return a != null ? a.active : shipped.byCode(code).isPresent();
    }

    /** The district's names, active or not (an old call keeps showing where it was). */
    public Optional<District> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        AnnouncedDistrict a = announced.findById(code);
        return a != null ? Optional.of(of(a)) : shipped.byCode(code);
    }

    /** The districts a call may name, shipped order first, then those only the router announced. */
    public Collection<District> accepted() {
        Map<String, AnnouncedDistrict> byCode = new LinkedHashMap<>();
        for (AnnouncedDistrict a : announced.inCodeOrder()) {
            byCode.put(a.code, a);
        }
        List<District> out = new ArrayList<>();
        for (District d : shipped.all()) {
            AnnouncedDistrict a = byCode.remove(d.code());
            if (a == null) {
                out.add(d);
            } else if (a.active) {
                out.add(of(a));
            }
        }
        byCode.values().stream().filter(a -> a.active).map(DistrictDirectory::of).forEach(out::add);
        return out;
    }

    private static District of(AnnouncedDistrict a) {
        return new District(a.code, a.nameZh, a.nameEn);
    }
}
