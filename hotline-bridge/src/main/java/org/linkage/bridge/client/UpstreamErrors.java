package org.linkage.bridge.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.linkage.commons.problem.Problem;
import org.linkage.commons.problem.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns another service's error answer into ours: its 4xx problem passes through unchanged (status,
 * detail, field errors, extension members such as {@code currentStatus}); anything else means the
 * service is unavailable.
 */
final class UpstreamErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UpstreamErrors() {
    }

    /** Runs one call to {@code service}, turning its failures into a passed-through problem or unavailability. */
    static <T> T call(String service, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            throw translate(service, e);
        } catch (jakarta.ws.rs.ProcessingException e) {
            throw new UpstreamUnavailableException(service + " unreachable: " + e.getMessage(), e);
        }
    }

    static RuntimeException translate(String service, WebApplicationException e) {
        Response response = e.getResponse();
        int status = response.getStatus();
        if (status >= 500 || status == 401 || status == 403) {
            // 401/403 mean our own credentials are wrong: the caller cannot fix that either.
            return new UpstreamUnavailableException(service + " answered " + status, e);
        }
        String body = null;
        try {
            body = response.readEntity(String.class);
        } catch (RuntimeException ignored) {
            // No readable body: fall back to the status alone.
        }
        JsonNode problem = parse(body);
        String title = text(problem, "title", response.getStatusInfo().getReasonPhrase());
        String detail = text(problem, "detail", service + " refused the request (" + status + ")");
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (problem != null && problem.isObject()) {
            problem.path("errors").forEach(err -> errors.add(new Problem.FieldError(err.path("field").asText(null),
                    err.path("message").asText(null))));
            problem.fields().forEachRemaining(field -> {
                if (!List.of("type", "title", "status", "detail", "instance", "errors").contains(field.getKey())) {
                    extensions.put(field.getKey(), JSON.convertValue(field.getValue(), Object.class));
                }
            });
        }
        return new ProblemException(status, title, detail, errors, extensions);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        return node != null && node.hasNonNull(field) ? node.get(field).asText() : fallback;
    }
}
