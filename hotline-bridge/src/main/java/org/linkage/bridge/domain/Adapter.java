package org.linkage.bridge.domain;

/** How a department's system receives tickets (the router's catalogue names it per department). */
public enum Adapter {
    /** Signed JSON POST to the department's endpoint. */
    WEBHOOK,
    /** Open311 GeoReport v2 {@code POST requests.json} at the department's endpoint. */
    OPEN311,
    /** No system of its own: the unit works in the router's console, so nothing is sent. */
    NONE;

    /** Unknown or missing adapters are treated as console-only rather than failing the event. */
    public static Adapter of(String name) {
        if (name == null) {
            return NONE;
        }
        try {
            return valueOf(name.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            return NONE;
        }
    }
}
