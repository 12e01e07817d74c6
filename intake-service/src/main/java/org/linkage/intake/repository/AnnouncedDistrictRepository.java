package org.linkage.intake.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class AnnouncedDistrictRepository implements PanacheRepositoryBase<AnnouncedDistrict, String> {
    public List<AnnouncedDistrict> inCodeOrder() {
        return list("order by code");
    }
}
