package org.linkage.router.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The result of a department update already applied, kept per department and Idempotency-Key. */
@Entity
@Table(name = "integration_update_key")
public class IntegrationUpdateKey extends PanacheEntityBase {
    public static final String UNIQUE = "integration_update_key_unique";
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "department_code")
    public String departmentCode;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_sha256")
    public String requestSha256;
    @Column(name = "ticket_number")
    public String ticketNumber;
    public String status;
    @Column(name = "applied_at")
    public Instant appliedAt;

    public static IntegrationUpdateKey of(String departmentCode, String key) {
        return find("departmentCode = ?1 and idempotencyKey = ?2", departmentCode, key).firstResult();
    }
}
