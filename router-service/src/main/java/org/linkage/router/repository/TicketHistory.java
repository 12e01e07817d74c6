package org.linkage.router.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One row per transition or step; the table refuses updates and deletes. */
@Entity
@Table(name = "ticket_history")
public class TicketHistory extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    public Instant at;
    public String actor;
    public String action;
    @Column(name = "from_status")
    public String fromStatus;
    @Column(name = "to_status")
    public String toStatus;
    @Column(name = "department_code")
    public String departmentCode;
    public String note;
    /** Who may read the note; null when there is none. */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public org.linkage.router.domain.NoteVisibility visibility;

    /** The ticket's steps in order, also those its current transaction recorded and has not written yet. */
    public static List<TicketHistory> of(UUID ticketId) {
        io.quarkus.arc.Arc.container().instance(HistoryWriter.class).get().writePending();
        return list("ticketId = ?1 order by id", ticketId);
    }
}
