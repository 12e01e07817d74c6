package org.linkage.router.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.linkage.router.domain.AppealGround;
import org.linkage.router.domain.AppealStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A unit's appeal (申诉) against a ticket counting in its figures, and the supervisor's decision. */
@Entity
@Table(name = "appeal")
public class Appeal extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Column(name = "department_code")
    public String departmentCode;
    @Enumerated(EnumType.STRING)
    public AppealGround ground;
    public String reason;
    @Enumerated(EnumType.STRING)
    public AppealStatus status;
    @Column(name = "filed_by")
    public String filedBy;
    @Column(name = "filed_at")
    public Instant filedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_reason")
    public String decisionReason;

    public static Optional<Appeal> of(UUID ticketId, String departmentCode) {
        return find("ticketId = ?1 and departmentCode = ?2", ticketId, departmentCode).firstResultOptional();
    }

    public static List<Appeal> ofTicket(UUID ticketId) {
        return list("ticketId = ?1 order by filedAt", ticketId);
    }
}
