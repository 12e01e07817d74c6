package org.linkage.bridge.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One status webhook received from a department system, with what became of it. Never updated. */
@Entity
@Table(name = "inbound_update")
public class InboundUpdate extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "department_code", nullable = false)
    public String departmentCode;
    @Column(name = "ticket_number")
    public String ticketNumber;
    public String action;
    @Column(name = "external_ref")
    public String externalRef;
    @Column(name = "outcome_status", nullable = false)
    public int outcomeStatus;
    @Column(nullable = false)
    public String outcome;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
