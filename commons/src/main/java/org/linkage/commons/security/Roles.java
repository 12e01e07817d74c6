package org.linkage.commons.security;

/** Realm roles, as named in deploy/keycloak. */
public final class Roles {
    public static final String CALL_TAKER = "call-taker";
    public static final String OFFICER = "officer";
    public static final String DEPT_AGENT = "dept-agent";
    public static final String DISPATCHER = "dispatcher";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    /**
     * Held by hotline-bridge's own client only (its service account), for its calls to the router's integration API
     * and intake's classifier. One role per calling service, so no other client of the realm can act for a
     * department; the services that call no one have no service account at all.
     */
    public static final String BRIDGE_SERVICE = "service:bridge";
    /** Held by intake-service's own client only, for reading a caller's tickets from the router (caller history). */
    public static final String INTAKE_SERVICE = "service:intake";

    /** Token claim carrying a department agent's unit code. */
    public static final String DEPARTMENT_CLAIM = "department";

    private Roles() {
    }
}
