package org.linkage.router.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.linkage.router.domain.DispatchPolicy;
import org.linkage.router.domain.LeadKind;
import org.linkage.router.domain.TimeLimit;
import org.linkage.events.Urgency;

import java.time.Instant;
import java.util.Optional;

/** One version of the catalogue entry for a category; rows are never updated except to retire them. */
@Entity
@Table(name = "dispatch_rule")
public class DispatchRule extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "category_code")
    public String categoryCode;
    public int version;
    /** MUNICIPAL: {@link #leadDepartmentCode}; DISTRICT: the ticket district's unit for {@link #leadFunction}. */
    @Enumerated(EnumType.STRING)
    @Column(name = "lead_kind")
    public LeadKind leadKind;
    @Column(name = "lead_department_code")
    public String leadDepartmentCode;
    @Column(name = "lead_function")
    public String leadFunction;
    /** Comma-separated unit codes or DISTRICT:GOV / DISTRICT:URBAN. */
    public String supporting;
    @Enumerated(EnumType.STRING)
    @Column(name = "default_urgency")
    public Urgency defaultUrgency;
    @Column(name = "sign_limit")
    public String signLimit;
    @Column(name = "resolve_limit")
    public String resolveLimit;
    @Column(name = "callback_required")
    public boolean callbackRequired;
    /** The lead unit must attach evidence (photo, recording, document) before it replies. */
    @Column(name = "attachment_required")
    public boolean attachmentRequired;
    @Column(name = "current_rule")
    public boolean currentRule;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;

    public static Optional<DispatchRule> currentFor(String categoryCode) {
        return find("categoryCode = ?1 and currentRule = true", categoryCode).firstResultOptional();
    }

    /** The current rule that applies to {@code categoryCode}, falling back as {@link DispatchPolicy#ruleFor} says. */
    public static DispatchRule applyingTo(String categoryCode) {
        return DispatchPolicy.ruleFor(categoryCode, DispatchRule::currentFor).orElseThrow(() -> new IllegalStateException(
                "the dispatch catalogue has no " + DispatchPolicy.FALLBACK_CATEGORY + " rule"));
    }

    /** The lead and supporting units this rule names. */
    public DispatchPolicy.Routing routing() {
        return DispatchPolicy.Routing.of(leadKind, leadDepartmentCode, leadFunction, supporting);
    }

    public TimeLimit signTimeLimit() {
        return TimeLimit.parse(signLimit);
    }

    public TimeLimit resolveTimeLimit() {
        return TimeLimit.parse(resolveLimit);
    }
}
