package org.linkage.router.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A local SMS gateway for the receipts' http adapter: it keeps every request and can fail the next few. */
public class SmsGatewayStub implements QuarkusTestResourceLifecycleManager {
    public static final String KEY = "test-sms-gateway-key";
    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** How many of the next requests answer 503. */
    public static final AtomicInteger FAIL_NEXT = new AtomicInteger();

    public record Received(String idempotencyKey, String timestamp, String signature, String body, int answered) {
    }

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/sms", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = FAIL_NEXT.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 202;
            RECEIVED.add(new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("X-Linkage-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Linkage-Signature"), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return Map.of("linkage.receipts.adapter", "http",
                "linkage.receipts.http.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/sms",
                "linkage.receipts.http.key", KEY);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
