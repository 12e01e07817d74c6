package org.linkage.router.domain;

/** Where an extension request (延期申请) stands; a ticket has at most one PENDING request. */
public enum ExtensionStatus {
    PENDING, APPROVED, REJECTED
}
