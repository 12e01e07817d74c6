package org.linkage.commons.security;

/** Realm roles, as named in deploy/keycloak. */
public final class Roles {
    public static final String CALL_TAKER = "call-taker";
    public static final String OFFICER = "officer";
    public static final String DEPT_AGENT = "dept-agent";
    public static final String DISPATCHER = "dispatcher";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    /** Held by the services' own clients for service-to-service calls. */
    public static final String SERVICE = "service";

    /** Token claim carrying a department agent's unit code. */
    public static final String DEPARTMENT_CLAIM = "department";

    private Roles() {
    }
}
