package org.linkage.console.rest;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Intake and the router as one plain HTTP server answering fixed JSON, so the console's pages run against the
 * services' real answer shapes without the whole stack. A test sets what a path answers with {@link #answer}.
 */
public class StandInServices implements QuarkusTestResourceLifecycleManager {
    /** What each path answers (method and path, e.g. {@code POST /api/classifications/preview}). */
    static final Map<String, Answer> ANSWERS = new ConcurrentHashMap<>();

    record Answer(int status, String contentType, String body) {
    }

    private HttpServer server;

    static void answer(String methodAndPath, String json) {
        ANSWERS.put(methodAndPath, new Answer(200, "application/json", json));
    }

    static void answer(String methodAndPath, int status, String contentType, String body) {
        ANSWERS.put(methodAndPath, new Answer(status, contentType, body));
    }

    static void reset() {
        ANSWERS.clear();
        answer("GET /api/categories", """
                [{"code":"PROPERTY","nameZh":"物业服务","nameEn":"Property management","domain":"住房和城乡建设","police":false},
                 {"code":"NOISE","nameZh":"噪声扰民","nameEn":"Noise","domain":"生态环境","police":false},
                 {"code":"CRIME","nameZh":"刑事犯罪","nameEn":"Crime","domain":null,"police":true}]""");
        answer("GET /api/districts", """
                [{"code":"510107","nameZh":"武侯区","nameEn":"Wuhou District"}]""");
        answer("POST /api/knowledge/suggestions", "[]");
    }

    @Override
    public Map<String, String> start() {
        reset();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            Answer a = ANSWERS.get(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            if (a == null) {
                a = new Answer(404, "application/problem+json", "{\"status\":404,\"title\":\"Not Found\"}");
            }
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", a.contentType());
            exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.intake.url", url, "quarkus.rest-client.router.url", url,
                "quarkus.rest-client.bridge.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
