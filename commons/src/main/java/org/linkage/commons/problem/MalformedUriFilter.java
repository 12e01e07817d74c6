package org.linkage.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A request URI with malformed percent-encoding ({@code ?text=%%%}) or characters a URI may not hold
 * answers a 400 problem naming the parameter at fault, like every other bad input, instead of the bare
 * empty 400 Vert.x gives it. Runs first on every route of every service ({@code /api}, {@code /open311}, and
 * {@code /q} on the management interface). Vert.x's own early check, which answers before any route can, is switched off by
 * {@link UriValidationSwitch} so that this one speaks instead.
 */
@ApplicationScoped
public class MalformedUriFilter {
    private static final String MESSAGE = "不是有效的URL编码 / is not valid percent-encoding (RFC 3986): encode % as %25";

    private final ObjectMapper json;

    public MalformedUriFilter(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(this::check);
    }

    /** The management interface (/q/health, /q/metrics on a port of its own) has a router of its own. */
    void register(@Observes ManagementInterface management) {
        management.router().route().order(Integer.MIN_VALUE + 10).handler(this::check);
    }

    void check(RoutingContext ctx) {
        String uri = ctx.request().uri();
        String fault = fault(uri);
        if (fault == null) {
            ctx.next();
            return;
        }
        String path = uri == null ? null : uri.split("\\?", 2)[0];
        Problem problem = new Problem(null, "Invalid request", 400, fault + ": " + MESSAGE,
                path != null && fault(path) == null ? path : null, List.of(new Problem.FieldError(fault, MESSAGE)), null);
        try {
            ctx.response().setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(400).end();
        }
    }

    /** The name of the part at fault ({@code path}, a parameter's name, or {@code query}); null if none. */
    static String fault(String uri) {
        if (uri == null) {
            return "path";
        }
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String query = q < 0 ? null : uri.substring(q + 1);
        if (!wellEncoded(path)) {
            return "path";
        }
        if (query != null) {
            int hash = query.indexOf('#');
            if (hash >= 0) {
                query = query.substring(0, hash);
            }
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                if (!wellEncoded(name)) {
                    return "query";
                }
                if (!wellEncoded(value) || !uriSafe(value)) {
                    return decode(name);
                }
            }
        }
        try {
            new URI(uri);
            return null;
        } catch (URISyntaxException e) {
            return q >= 0 && e.getIndex() > q ? "query" : "path";
        }
    }

    /** Characters java.net.URI refuses in a query, which the early check used to refuse too. */
    private static boolean uriSafe(String value) {
        try {
            new URI("/?" + value);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Every % starts two hex digits, and the bytes they make are UTF-8. */
    private static boolean wellEncoded(String s) {
        if (s.indexOf('%') < 0) {
            return true;
        }
        ByteBuffer bytes = ByteBuffer.allocate(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || !hex(s.charAt(i + 1)) || !hex(s.charAt(i + 2))) {
                    return false;
                }
                bytes.put((byte) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (bytes.remaining() < raw.length) {
                    ByteBuffer bigger = ByteBuffer.allocate(bytes.capacity() + raw.length + 16);
                    bytes.flip();
                    bigger.put(bytes);
                    bytes = bigger;
                }
                bytes.put(raw);
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static String decode(String name) {
        try {
            return java.net.URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
