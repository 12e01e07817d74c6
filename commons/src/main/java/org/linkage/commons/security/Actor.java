package org.linkage.commons.security;

import java.util.Set;

/**
 * Who is acting: a person with a token, or a named system component (a Kafka consumer, the
 * supervision scheduler) when there is no request.
 *
 * @param department the unit code of a department agent; null for other roles
 */
public record Actor(String name, Set<String> roles, String department) {
    public static Actor system(String component) {
        return new Actor("system:" + component, Set.of(), null);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
