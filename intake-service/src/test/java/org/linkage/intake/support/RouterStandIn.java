package org.linkage.intake.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server in the router's and Keycloak's place for intake's tests: the token endpoint intake's OIDC client
 * calls (client credentials) and the router's caller history. A test says what the router holds for a caller hash,
 * or that it is down, and takes the attachments intake puts onto tickets; every request is kept so a test can see what intake sent. The whole path with the real router
 * and Keycloak is in e2e (CallerHistoryE2ETest).
 */
public class RouterStandIn implements QuarkusTestResourceLifecycleManager {
    public static final String TOKEN = "intake-service-test-token";
    private static final Map<String, String> TICKETS = new ConcurrentHashMap<>();
    private static final List<Map<String, String>> REQUESTS = new CopyOnWriteArrayList<>();
    private static final List<Upload> UPLOADS = new CopyOnWriteArrayList<>();
    private static volatile boolean down;
    private static volatile int uploadStatus = 201;

    /** An attachment intake put onto a ticket: the path's ticket number, the query, the token and the bytes. */
    public record Upload(String ticketNumber, Map<String, String> query, String authorization, byte[] body) {
    }

    public static List<Upload> uploads() {
        return List.copyOf(UPLOADS);
    }

    /** What the router answers attachment uploads with (201 by default). */
    public static void answerUploads(int status) {
        uploadStatus = status;
    }
    private HttpServer server;

    /** The router's answer for this hash: a JSON array of tickets. */
    public static void holds(String callerHash, String ticketsJson) {
        TICKETS.put(callerHash, ticketsJson);
    }

    public static void down(boolean isDown) {
        down = isDown;
    }

    /** The history requests received (query parameters and the Authorization header). */
    public static List<Map<String, String>> requests() {
        return List.copyOf(REQUESTS);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/realms/linkage/protocol/openid-connect/token", ex -> answer(ex, 200,
                "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}"));
        server.createContext("/api/caller-history", ex -> {
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            query.put("Authorization", ex.getRequestHeaders().getFirst("Authorization"));
            REQUESTS.add(query);
            if (down) {
                answer(ex, 503, "{\"title\":\"Service Unavailable\",\"status\":503}");
                return;
            }
            answer(ex, 200, "{\"tickets\":" + TICKETS.getOrDefault(query.get("callerHash"), "[]") + "}");
        });
        server.createContext("/api/tickets/", ex -> {
            String path = ex.getRequestURI().getPath();
            String ticketNumber = path.substring("/api/tickets/".length(), path.indexOf("/attachments"));
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            UPLOADS.add(new Upload(ticketNumber, query, ex.getRequestHeaders().getFirst("Authorization"),
                    ex.getRequestBody().readAllBytes()));
            int status = uploadStatus;
            answer(ex, status, status == 201
                    ? "{\"id\":\"" + query.get("sourceId") + "\",\"ticketNumber\":\"" + ticketNumber + "\"}"
                    : "{\"title\":\"refused\",\"status\":" + status + "}");
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.router.url", base,
                "quarkus.oidc-client.auth-server-url", base + "/realms/linkage");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
