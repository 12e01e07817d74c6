package org.linkage.router.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A contact answered from the knowledge base (咨询直接答复): resolved at first contact, no ticket. Line 110: a call
 * intake closed as answered; line 12345: a contact a 12345 dispatcher answered directly ({@code AnsweredContacts}).
 */
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
    /** 110 unless set: the referral consumer records intake's answered calls without knowing of this column. */
    public String line = LINE_110;
    public String channel;
    public String question;
    public String note;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "article_versions")
    public Integer[] articleVersions;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "request_hash")
    public String requestHash;

    public static final String LINE_110 = "110";
    public static final String LINE_12345 = "12345";

    public static Optional<Consultation> direct(String contactNumber) {
        return find("line = ?1 and callNumber = ?2", LINE_12345, contactNumber).firstResultOptional();
    }

    public static Optional<Consultation> byKey(String answeredBy, String idempotencyKey) {
        return find("answeredBy = ?1 and idempotencyKey = ?2", answeredBy, idempotencyKey).firstResultOptional();
    }
}
