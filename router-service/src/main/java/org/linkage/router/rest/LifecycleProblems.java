package org.linkage.router.rest;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleObjectStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.linkage.commons.problem.Problem;
import org.linkage.router.domain.IllegalTransitionException;

import java.util.Map;

/** The router's own failures as problem+json: a transition the state machine refuses is a 409 naming the status. */
public class LifecycleProblems {

    @ServerExceptionMapper
    public Response illegal(IllegalTransitionException e, UriInfo uri) {
        return conflict(e.getMessage(), Map.of("currentStatus", e.current().name(), "action", e.action().name()), uri);
    }

    @ServerExceptionMapper
    public Response stale(OptimisticLockException e, UriInfo uri) {
        return conflict("the ticket changed meanwhile; reload and retry", Map.of(), uri);
    }

    @ServerExceptionMapper
    public Response stale(StaleObjectStateException e, UriInfo uri) {
        return conflict("the ticket changed meanwhile; reload and retry", Map.of(), uri);
    }

    private static Response conflict(String detail, Map<String, Object> extensions, UriInfo uri) {
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(new Problem(null, "Conflict", 409, detail, uri.getPath(), null, extensions)).build();
    }
}
