package org.linkage.bridge.client;

import org.linkage.bridge.domain.AttemptResult;
import org.linkage.bridge.repository.Delivery;

/** Sends one delivery to a department system by one adapter. */
public interface DepartmentSender {
    AttemptResult send(Delivery delivery);
}
