package org.linkage.router.repository;

import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.linkage.router.domain.UnitRole;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/** A unit on a ticket: its lead (主办) or a supporting unit (协办). */
@Entity
@Table(name = "ticket_unit")
@IdClass(TicketUnit.Key.class)
public class TicketUnit extends PanacheEntityBase {
    @Id
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Id
    @Column(name = "department_code")
    public String departmentCode;
    @Enumerated(EnumType.STRING)
    public UnitRole role;

    public record Key(UUID ticketId, String departmentCode) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    public static List<TicketUnit> of(UUID ticketId) {
        return list("ticketId", ticketId);
    }

    public static boolean involves(UUID ticketId, String departmentCode) {
        // a query string, whose plan Hibernate caches (Panache's count translates a derived query on every call)
        return departmentCode != null && !getEntityManager().createQuery(
                        "select 1 from TicketUnit u where u.ticketId = ?1 and u.departmentCode = ?2", Integer.class)
                .setParameter(1, ticketId).setParameter(2, departmentCode).setMaxResults(1).getResultList().isEmpty();
    }
}
