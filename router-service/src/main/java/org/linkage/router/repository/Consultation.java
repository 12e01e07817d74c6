package org.linkage.router.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A 110 call answered from the knowledge base (咨询直接答复): resolved at first contact, no ticket. */
@Entity
@Table(name = "consultation")
public class Consultation extends PanacheEntityBase {
    @Id
    @Column(name = "call_id")
    public UUID callId;
    @Column(name = "call_number")
    public String callNumber;
    @Column(name = "category_code")
    public String categoryCode;
    @Column(name = "district_code")
    public String districtCode;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "article_ids")
    public Long[] articleIds;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "answered_at")
    public Instant answeredAt;
    @Column(name = "answered_by")
    public String answeredBy;
}
