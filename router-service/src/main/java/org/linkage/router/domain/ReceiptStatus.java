package org.linkage.router.domain;

/** Where a receipt stands: waiting to be sent (or retried), sent, or given up after its attempts. */
public enum ReceiptStatus {
    PENDING,
    SENT,
    FAILED
}
