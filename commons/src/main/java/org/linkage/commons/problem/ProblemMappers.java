package org.linkage.commons.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into problem+json. Bad input names the field at fault; unexpected failures
 * answer a bare 500 with a reference to the log line, never a class name or stack trace.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem(null, e.title(), e.status(), e.getMessage(), path(uri), e.errors(), e.extensions()));
    }

    @ServerExceptionMapper
    public Response violation(ResteasyReactiveViolationException e, UriInfo uri) {
        return violations(e, uri);
    }

    @ServerExceptionMapper
    public Response violation(ConstraintViolationException e, UriInfo uri) {
        return violations(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonParseException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(MismatchedInputException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(InvalidFormatException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(UnrecognizedPropertyException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(new Problem(null, "Unauthorized", 401, "A valid bearer token is required.", path(uri), null, null));
    }

    @ServerExceptionMapper
    public Response unauthorized(AuthenticationFailedException e, UriInfo uri) {
        return respond(new Problem(null, "Unauthorized", 401, "A valid bearer token is required.", path(uri), null, null));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(null, "Forbidden", 403, "Your role does not allow this action.", path(uri), null, null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        String detail = switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "No acceptable representation; ask for application/json.";
            case 415 -> "Unsupported content type; send application/json.";
            default -> type.getReasonPhrase();
        };
        return respond(new Problem(null, type.getReasonPhrase(), status, detail, path(uri), null, null));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        String clash = concurrentClash(e);
        if (clash != null) {
            // Two people changed the same record at once (a deadlock, a lock time-out, or the same
            // unique row written twice): the database kept one change whole; the other may simply retry.
            LOG.infof("concurrent change refused (%s) on %s", clash, path(uri));
            return respond(new Problem(null, "Conflict", 409,
                    "Someone else changed this at the same moment; reload it and try again. / 数据已被他人同时修改，请刷新后重试。",
                    path(uri), null, Map.of("reason", clash)));
        }
        String unavailable = databaseUnavailable(e);
        if (unavailable != null) {
            // Passing, not a bug: the pool is exhausted under load or PostgreSQL is restarting. The transaction
            // rolled back, so the client retries (with its Idempotency-Key where the endpoint takes one).
            LOG.warnf("database unavailable (%s) on %s", unavailable, path(uri));
            return Response.fromResponse(respond(new Problem(null, "Service unavailable", 503,
                    "The service is briefly overloaded or its database is restarting; try again in a moment."
                            + " / 服务繁忙或数据库正在重启，请稍后重试。", path(uri), null, Map.of("reason", unavailable))))
                    .header("Retry-After", "1").build();
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, reference %s", reference);
        return respond(new Problem(null, "Internal error", 500,
                "Something went wrong on our side; quote reference " + reference + " when reporting it.",
                path(uri), null, Map.of("reference", reference)));
    }

    /**
     * The PostgreSQL condition behind a failure, when it is a clash between concurrent transactions
     * rather than a fault: deadlock (40P01), serialization failure (40001), lock not available
     * (55P03) or a unique key written twice (23505). Null otherwise.
     */
    static String concurrentClash(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                switch (sql.getSQLState()) {
                    case "40P01":
                        return "deadlock";
                    case "40001":
                        return "serialization";
                    case "55P03":
                        return "lock-not-available";
                    case "23505":
                        return "duplicate";
                    default:
                        break;
                }
            }
        }
        return null;
    }

    /**
     * Why the database could not be used at all, when that is the failure: no connection free in the pool within its
     * acquisition time-out (Agroal says so without an SQL state), a connection refused or lost (class 08), or the
     * server shutting down or starting (57P01, 57P03). Null otherwise.
     */
    static String databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                if (state == null && sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return "pool-exhausted";
                }
                if (state != null && state.startsWith("08")) {
                    return "connection";
                }
                if ("57P01".equals(state) || "57P03".equals(state)) {
                    return "restarting";
                }
            }
        }
        return null;
    }

    private Response violations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        boolean returnValue = e.getConstraintViolations().stream()
                .anyMatch(v -> pathKinds(v.getPropertyPath()).contains(ElementKind.RETURN_VALUE));
        if (returnValue) {
            return unexpected(e, uri);
        }
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem(null, "Invalid request", 400, detail, path(uri), errors, null));
    }

    private Response badJson(JsonProcessingException e, UriInfo uri) {
        String field = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = jsonPath(mapping.getPath());
        }
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "unknown field";
        } else if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            Class<?> target = ((MismatchedInputException) e).getTargetType();
            message = target == null ? "wrong type" : "wrong type, expected " + describe(target);
        } else {
            message = "malformed JSON";
        }
        List<Problem.FieldError> errors = List.of(new Problem.FieldError(field == null ? "$" : field, message));
        return respond(new Problem(null, "Invalid request", 400,
                (field == null ? "body" : field) + ": " + message, path(uri), errors, null));
    }

    private static String describe(Class<?> target) {
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target.isEnum()) {
            return "one of " + java.util.Arrays.toString(target.getEnumConstants());
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(target)) {
            return "an ISO-8601 date-time such as 2026-11-28T09:30:00+08:00";
        }
        if (target == UUID.class) {
            return "a UUID";
        }
        if (target == String.class) {
            return "a string";
        }
        return "an object";
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** The request-facing name of a violation: the bean path, without the method and parameter nodes. */
    private static String field(ConstraintViolation<?> v) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : v.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    String name = node.getName();
                    if (node.getIndex() != null) {
                        names.add((name == null ? "" : name) + "[" + node.getIndex() + "]");
                    } else if (name != null) {
                        names.add(name);
                    }
                }
            }
        }
        if (names.isEmpty()) {
            return parameter == null ? "$" : parameter;
        }
        return String.join(".", names).replace(".[", "[");
    }

    private static List<ElementKind> pathKinds(Path path) {
        List<ElementKind> kinds = new ArrayList<>();
        path.forEach(n -> kinds.add(n.getKind()));
        return kinds;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
