package org.linkage.router.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A theme of the month (每月一题): a category × district a supervisor follows as a group for one month. */
@Entity
@Table(name = "monthly_theme")
public class MonthlyTheme extends PanacheEntityBase {
    @Id
    public UUID id;
    /** The first day of the month. */
    public LocalDate month;
    @Column(name = "category_code")
    public String categoryCode;
    @Column(name = "district_code")
    public String districtCode;
    public String note;
    @Column(name = "flagged_by")
    public String flaggedBy;
    @Column(name = "flagged_at")
    public Instant flaggedAt;

    public static List<MonthlyTheme> ofMonth(LocalDate month) {
        return list("month = ?1 order by flaggedAt", month);
    }

    public static boolean exists(LocalDate month, String categoryCode, String districtCode) {
        return count("month = ?1 and categoryCode = ?2 and districtCode = ?3", month, categoryCode, districtCode) > 0;
    }
}
