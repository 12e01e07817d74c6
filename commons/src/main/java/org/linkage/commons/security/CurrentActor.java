package org.linkage.commons.security;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Resolves the {@link Actor} behind the current request, or a system actor outside one. */
@ApplicationScoped
public class CurrentActor {
    private final Instance<SecurityIdentity> identity;

    public CurrentActor(Instance<SecurityIdentity> identity) {
        this.identity = identity;
    }

    public Actor get(String systemComponent) {
        if (!Arc.container().requestContext().isActive()) {
            return Actor.system(systemComponent);
        }
        SecurityIdentity id = identity.get();
        if (id == null || id.isAnonymous()) {
            return Actor.system(systemComponent);
        }
        return new Actor(id.getPrincipal().getName(), id.getRoles(), department(id));
    }

    private static String department(SecurityIdentity id) {
        if (id.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(Roles.DEPARTMENT_CLAIM);
            if (claim != null) {
                return claim.toString().replace("\"", "");
            }
        }
        Object attribute = id.getAttribute(Roles.DEPARTMENT_CLAIM);
        return attribute == null ? null : attribute.toString();
    }
}
