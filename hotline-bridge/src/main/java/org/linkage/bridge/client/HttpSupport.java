package org.linkage.bridge.client;

import org.linkage.commons.tracing.Traces;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.bridge.config.BridgeConfig;
import org.linkage.bridge.domain.AttemptResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One shared JDK HTTP client for department endpoints: their URLs come from the catalogue at run time,
 * so a typed REST client per endpoint does not fit. Every failure becomes an {@link AttemptResult}.
 */
@ApplicationScoped
public class HttpSupport {
    private final HttpClient http;
    private final Duration timeout;
    private final Duration deadline;
    private final int maxBytes;
    private final ObjectMapper json;

    public HttpSupport(BridgeConfig config, ObjectMapper json) {
        this.timeout = config.delivery().attemptTimeout();
        Duration halfLease = config.delivery().lease().dividedBy(2);
        this.deadline = config.delivery().attemptDeadline().compareTo(halfLease) > 0 ? halfLease
                : config.delivery().attemptDeadline();
        this.maxBytes = Math.max(1024, config.delivery().maxResponseBytes());
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpRequest.Builder request(String url) {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(url)).timeout(timeout)
                .header("User-Agent", "linkage-hotline-bridge/1");
        // The JDK client is not instrumented: the department's system sees the trace of the call it serves.
        Traces.current().forEach(request::header);
        return request;
    }

    /**
     * Sends and classifies; {@code externalRef} extracts the department's reference from a 2xx body. The
     * whole exchange, body included, ends by the attempt deadline, and at most {@code maxResponseBytes} of
     * the body are read (a huge answer is cut, not held in memory).
     */
    public AttemptResult exchange(HttpRequest request, Function<String, String> externalRef) {
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> pending = null;
        try {
            pending = http.sendAsync(request, info -> new CappedBody(maxBytes));
            HttpResponse<String> response = pending.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            long latency = (System.nanoTime() - start) / 1_000_000;
            String ref = response.statusCode() / 100 == 2 ? safely(externalRef, response.body()) : null;
            return AttemptResult.ofStatus(response.statusCode(), latency, ref, response.body());
        } catch (TimeoutException e) {
            pending.cancel(true);
            return failure(AttemptResult.Outcome.TIMEOUT, start, "no complete answer within " + deadline.toMillis() + " ms");
        } catch (ExecutionException e) {
            return failed(e.getCause() == null ? e : e.getCause(), start);
        } catch (InterruptedException e) {
            if (pending != null) {
                pending.cancel(true);
            }
            Thread.currentThread().interrupt();
            return failure(AttemptResult.Outcome.UNREACHABLE, start, "interrupted");
        } catch (IllegalArgumentException e) {
            // A malformed endpoint URL in the catalogue will not fix itself on retry.
            return new AttemptResult(AttemptResult.Outcome.REJECTED, null, 0, null, "bad endpoint URL: " + e.getMessage());
        }
    }

    private AttemptResult failed(Throwable cause, long start) {
        try {
            throw cause;
        } catch (HttpTimeoutException e) {
            return failure(AttemptResult.Outcome.TIMEOUT, start, "no answer within " + timeout.toMillis() + " ms");
        } catch (ConnectException e) {
            return failure(AttemptResult.Outcome.UNREACHABLE, start, "connection failed: " + e.getMessage());
        } catch (IOException e) {
            return failure(AttemptResult.Outcome.UNREACHABLE, start, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return new AttemptResult(AttemptResult.Outcome.REJECTED, null, 0, null, "bad endpoint URL: " + e.getMessage());
        } catch (Throwable e) {
            return failure(AttemptResult.Outcome.UNREACHABLE, start, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * Collects a response body as UTF-8 up to {@code max} bytes and lets the rest go unkept, so a huge
     * answer costs no memory; the attempt deadline ends one that never stops.
     */
    static final class CappedBody implements HttpResponse.BodySubscriber<String> {
        private final int max;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<String> body = new CompletableFuture<>();

        CappedBody(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), max - out.size());
                if (take > 0) {
                    byte[] bytes = new byte[take];
                    buffer.get(bytes);
                    out.write(bytes, 0, take);
                }
                // Beyond the cap the bytes are let go as they arrive; the attempt deadline bounds the time.
                buffer.position(buffer.limit());
            }
        }

        @Override
        public void onError(Throwable throwable) {
            body.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            body.complete(out.toString(StandardCharsets.UTF_8));
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
