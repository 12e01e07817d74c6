package org.linkage.events;

/**
 * The unit a ticket was dispatched to, as the bridge needs it for delivery.
 *
 * @param adapter     how the bridge delivers: {@code WEBHOOK}, {@code OPEN311} or {@code NONE}
 *                    (the unit works in the router's own console only)
 * @param endpointUrl where the adapter delivers; null for {@code NONE}
 */
public record DepartmentRef(String code, String nameZh, String nameEn, String adapter, String endpointUrl) {
}
