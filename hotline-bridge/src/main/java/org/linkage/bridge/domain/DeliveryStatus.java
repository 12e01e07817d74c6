package org.linkage.bridge.domain;

/** Where one delivery of a ticket version stands. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED_RETRYING, DEAD_LETTERED;

    public boolean due() {
        return this == PENDING || this == FAILED_RETRYING;
    }
}
