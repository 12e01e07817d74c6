package org.linkage.bridge.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.bridge.config.BridgeConfig;
import org.linkage.bridge.domain.AttemptResult;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.function.Function;

/**
 * One shared JDK HTTP client for department endpoints: their URLs come from the catalogue at run time,
 * so a typed REST client per endpoint does not fit. Every failure becomes an {@link AttemptResult}.
 */
@ApplicationScoped
public class HttpSupport {
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json;

    public HttpSupport(BridgeConfig config, ObjectMapper json) {
        this.timeout = config.delivery().attemptTimeout();
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(java.net.URI.create(url)).timeout(timeout)
                .header("User-Agent", "linkage-hotline-bridge/1");
    }

    /** Sends and classifies; {@code externalRef} extracts the department's reference from a 2xx body. */
    public AttemptResult exchange(HttpRequest request, Function<String, String> externalRef) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long latency = (System.nanoTime() - start) / 1_000_000;
            String ref = response.statusCode() / 100 == 2 ? safely(externalRef, response.body()) : null;
            return AttemptResult.ofStatus(response.statusCode(), latency, ref, response.body());
        } catch (HttpTimeoutException e) {
            return failure(AttemptResult.Outcome.TIMEOUT, start, "no answer within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            return failure(AttemptResult.Outcome.UNREACHABLE, start, "connection failed: " + e.getMessage());
        } catch (IOException e) {
            return failure(AttemptResult.Outcome.UNREACHABLE, start, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(AttemptResult.Outcome.UNREACHABLE, start, "interrupted");
        } catch (IllegalArgumentException e) {
            // A malformed endpoint URL in the catalogue will not fix itself on retry.
            return new AttemptResult(AttemptResult.Outcome.REJECTED, null, 0, null, "bad endpoint URL: " + e.getMessage());
        }
    }

    /** Reads a JSON body leniently: a department's odd answer must not turn a success into a failure. */
    public JsonNode tree(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String safely(Function<String, String> extractor, String body) {
        try {
            return extractor.apply(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static AttemptResult failure(AttemptResult.Outcome outcome, long start, String error) {
        return new AttemptResult(outcome, null, (System.nanoTime() - start) / 1_000_000, null, error);
    }
}
