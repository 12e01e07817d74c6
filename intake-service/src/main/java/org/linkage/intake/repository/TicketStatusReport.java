package org.linkage.intake.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One status the 12345 side reported for the ticket a call became. Never updated. */
@Entity
@Table(name = "ticket_status_report")
public class TicketStatusReport extends PanacheEntityBase {
    /** Fifty numbers at a time (V12), so a poll's reports go out in one batched insert. Read in order of {@link #at}. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_status_report_id")
    @SequenceGenerator(name = "ticket_status_report_id", sequenceName = "ticket_status_report_id_seq", allocationSize = 50)
    public Long id;
    @Column(name = "call_id", nullable = false)
    public UUID callId;
    @Column(name = "event_id", nullable = false, unique = true)
    public String eventId;
    @Column(name = "ticket_id", nullable = false)
    public UUID ticketId;
    @Column(name = "ticket_number", nullable = false)
    public String ticketNumber;
    @Column(nullable = false)
    public String status;
    @Column(name = "previous_status")
    public String previousStatus;
    @Column(name = "delivery_status")
    public String deliveryStatus;
    @Column(name = "department_code")
    public String departmentCode;
    @Column(columnDefinition = "text")
    public String note;
    @Column(columnDefinition = "text")
    public String answer;
    public String actor;
    @Column(nullable = false)
    public Instant at;
}
