package org.linkage.bridge.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.linkage.commons.problem.Problem;

import java.util.List;
import java.util.Map;

/**
 * A request whose declared length is over {@code quarkus.http.limits.max-body-size} is answered with a 413 problem
 * naming what is too large and the limit, where Vert.x would give an empty 413 that a department system's log cannot
 * explain. It runs before Quarkus's own length check (route order -2) and before anything reads the body, so the
 * body is never taken in. A department's status webhook is large because of its files, so the problem names
 * {@code attachments}; any other request names its {@code body}. A chunked body has no length to check up front:
 * the server's own 413 still ends that one once it passes the limit.
 */
@ApplicationScoped
public class BodyLimitFilter {
    static final String WEBHOOKS = "/api/webhooks/departments/";

    private final ObjectMapper json;
    private final long maxBytes;

    public BodyLimitFilter(ObjectMapper json,
                           @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                           MemorySize maxBodySize) {
        this.json = json;
        this.maxBytes = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        // After the malformed-URI check (MIN_VALUE + 10), well before the server's length check and body reading.
        router.route().order(Integer.MIN_VALUE + 11).handler(this::check);
    }

    void check(RoutingContext ctx) {
        Long length = declaredLength(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (length == null || length <= maxBytes) {
            ctx.next();
            return;
        }
        String path = ctx.request().path();
        boolean webhook = path != null && path.startsWith(WEBHOOKS);
        String field = webhook ? "attachments" : "body";
        String message = webhook
                ? "请求过大，请分几次更新发送附件 / the update has " + length + " bytes, over the limit of " + maxBytes
                        + " bytes for one request: send the files with several updates"
                : "请求过大 / the request has " + length + " bytes, over the limit of " + maxBytes + " bytes";
        Problem problem = new Problem(null, "Request too large", 413, field + ": " + message, path,
                List.of(new Problem.FieldError(field, message)), Map.of("maxBytes", maxBytes));
        // As the server's own 413 does: the unread body is not drained, so the connection ends with the answer.
        ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONNECTION, "close")
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        ctx.response().endHandler(v -> ctx.request().connection().close());
        try {
            ctx.response().end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.response().end();
        }
    }

    /** The Content-Length as a number, or null when absent or not one (the server answers such a request itself). */
    static Long declaredLength(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
