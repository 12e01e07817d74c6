package org.linkage.bridge.service;

import java.util.UUID;

/**
 * Fired in the transaction that makes a delivery due now (a new dispatch, a replay); the worker hears it once that
 * transaction has committed, so the row it then claims is there to claim.
 */
public record DeliveryDue(UUID deliveryId) {
}
