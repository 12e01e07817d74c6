package org.linkage.router.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** A year whose holiday calendar has been loaded; without it, its deadlines count Monday to Friday only. */
@Entity
@Table(name = "calendar_year")
public class CalendarYear extends PanacheEntityBase {
    @Id
    public int year;
    @Column(name = "loaded_at")
    public Instant loadedAt;
    @Column(name = "loaded_by")
    public String loadedBy;

    public static List<Integer> loadedYears() {
        return getEntityManager().createQuery("select c.year from CalendarYear c order by c.year", Integer.class)
                .getResultList();
    }

    /** Records that the year's calendar was (re)loaded now by {@code by}. */
    public static void markLoaded(int year, String by) {
        // native: an upsert (on conflict), which JPQL cannot say; two admins loading the same year must not collide
        getEntityManager().createNativeQuery("""
                        insert into calendar_year (year, loaded_at, loaded_by) values (?1, now(), ?2)
                        on conflict (year) do update set loaded_at = excluded.loaded_at, loaded_by = excluded.loaded_by""")
                .setParameter(1, year).setParameter(2, by).executeUpdate();
    }
}
