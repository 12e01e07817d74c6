package org.linkage.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Stands in for the departments' own case systems on a developer's machine: accepts the tickets the
 * bridge delivers, answers with an external reference (the same one for a repeated Idempotency-Key,
 * as a well-behaved receiver would), and lists what it received at {@code GET /departments}.
 */
public final class DepartmentInbox implements AutoCloseable {
    /** What one delivery looked like on arrival. */
    public record Received(String department, String idempotencyKey, String signature, String timestamp,
                           String body, String externalRef, boolean repeat, Instant at, String traceparent) {
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Map<String, String> refsByKey = new LinkedHashMap<>();
    /** While true every delivery is answered 503, as a department system that is down for maintenance. */
    private volatile boolean unavailable;
    private final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();

    private DepartmentInbox(HttpServer server) {
        this.server = server;
    }

    public static DepartmentInbox start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            DepartmentInbox inbox = new DepartmentInbox(server);
            server.createContext("/departments", inbox::handle);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return inbox;
        } catch (IOException e) {
            throw new IllegalStateException("department inbox could not listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The endpoint template the router seeds departments with: {code} is the department code. */
    public String endpointTemplate() {
        return url() + "/departments/{code}/tickets";
    }

    /** Makes the stand-in answer every delivery 503 (true) or accept them again (false). */
    public void unavailable(boolean down) {
        unavailable = down;
    }

    /** How many deliveries were answered 503 while unavailable. */
    public int refused() {
        return refused.get();
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            if ("GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 200, listing());
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod()) || parts.length < 3) {
                respond(exchange, 405, "{\"title\":\"Method not allowed\",\"status\":405}");
                return;
            }
            if (unavailable) {
                refused.incrementAndGet();
                exchange.getRequestBody().readAllBytes();
                respond(exchange, 503, "{\"title\":\"Service unavailable\",\"status\":503}");
                return;
            }
            String department = parts[2];
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            Received record;
            synchronized (this) {
                boolean repeat = key != null && refsByKey.containsKey(key);
                String ref = repeat ? refsByKey.get(key) : department + "-" + (received.size() + 1);
                if (key != null) {
                    refsByKey.putIfAbsent(key, ref);
                }
                record = new Received(department, key, exchange.getRequestHeaders().getFirst("X-Linkage-Signature"),
                        exchange.getRequestHeaders().getFirst("X-Linkage-Timestamp"), body, ref, repeat, Instant.now(),
                        exchange.getRequestHeaders().getFirst("traceparent"));
                received.add(record);
            }
            respond(exchange, record.repeat() ? 200 : 201, "{\"externalRef\":\"" + record.externalRef() + "\"}");
        }
    }

    private synchronized String listing() {
        StringBuilder out = new StringBuilder("[");
        for (Received r : received) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append("{\"department\":\"").append(r.department())
                    .append("\",\"externalRef\":\"").append(r.externalRef())
                    .append("\",\"idempotencyKey\":").append(r.idempotencyKey() == null ? "null" : "\"" + r.idempotencyKey() + "\"")
                    .append(",\"repeat\":").append(r.repeat())
                    .append(",\"traceparent\":").append(r.traceparent() == null ? "null" : "\"" + r.traceparent() + "\"")
                    .append(",\"at\":\"").append(r.at()).append("\",\"body\":").append(jsonValue(r.body()))
                    .append('}');
        }
        return out.append(']').toString();
    }

    /** JSON bodies are shown as they are; anything else (a form-encoded Open311 post) as a string. */
    private static String jsonValue(String body) {
        String trimmed = body.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return trimmed;
        }
        return "\"" + trimmed.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
