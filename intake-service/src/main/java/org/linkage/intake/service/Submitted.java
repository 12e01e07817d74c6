package org.linkage.intake.service;

import org.linkage.intake.repository.CallEntity;

/** @param created false when an earlier request with the same Idempotency-Key already made this call */
public record Submitted(CallEntity call, boolean created) {
}
