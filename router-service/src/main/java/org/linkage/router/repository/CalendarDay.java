package org.linkage.router.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** A public holiday or a make-up working day; other dates follow the weekday rule. */
@Entity
@Table(name = "calendar_day")
public class CalendarDay extends PanacheEntityBase {
    @Id
    public LocalDate day;
    public String kind;
    public String name;
}
