package org.linkage.router.domain;

/**
 * What the bridge last reported about delivering the ticket's current version to its unit's system (the names of
 * {@code DeliveryOutcome.status}); none until it reports.
 */
public enum DeliveryResult {
    DELIVERED, DEAD_LETTERED
}
