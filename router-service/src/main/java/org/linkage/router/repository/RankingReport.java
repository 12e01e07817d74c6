package org.linkage.router.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One published version of a month's ranking (月度考核排名通报); never rewritten (a trigger refuses it too). */
@Entity
@Immutable
@Table(name = "ranking_report")
public class RankingReport extends PanacheEntityBase {
    @Id
    public UUID id;
    /** The first day of the month. */
    public LocalDate month;
    public int version;
    /** The report as published, {@code RankingService.Report} as JSON. */
    public String content;
    /** {@code Assessment.Weights} as JSON. */
    public String weights;
    public String reason;
    @Column(name = "published_by")
    public String publishedBy;
    @Column(name = "published_at")
    public Instant publishedAt;

    /** Newest month first, and within a month the newest version first. */
    public static List<RankingReport> newestFirst(int size) {
        return find("order by month desc, version desc").page(0, size).list();
    }

    public static List<RankingReport> ofMonth(LocalDate month) {
        return list("month = ?1 order by version desc", month);
    }

    public static Optional<RankingReport> latest(LocalDate month) {
        return find("month = ?1 order by version desc", month).firstResultOptional();
    }
}
