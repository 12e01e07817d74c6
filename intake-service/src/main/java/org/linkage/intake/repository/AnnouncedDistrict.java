package org.linkage.intake.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A district as the router last announced it (DistrictChanged). */
@Entity
@Table(name = "announced_district")
public class AnnouncedDistrict extends PanacheEntityBase {
    @Id
    public String code;
    @Column(name = "name_zh", nullable = false)
    public String nameZh;
    @Column(name = "name_en", nullable = false)
    public String nameEn;
    @Column(nullable = false)
    public boolean active;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
