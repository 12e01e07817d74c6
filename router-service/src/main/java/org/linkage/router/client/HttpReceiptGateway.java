package org.linkage.router.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.linkage.router.domain.ReceiptGateway;
import org.linkage.router.domain.ReceiptSignature;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts a receipt to an SMS gateway, signed like the bridge's webhooks. The answer's body is discarded unread: a
 * gateway's reply matters only by its status, and an unread body cannot hold a worker or fill its memory.
 */
public class HttpReceiptGateway implements ReceiptGateway {
    public static final String SCHEMA = "linkage.receipt.v1";

    private final HttpClient http;
    private final URI url;
    private final String key;
    private final Duration timeout;
    private final ObjectMapper json;
    private final Clock clock;

    public HttpReceiptGateway(URI url, String key, Duration timeout, ObjectMapper json, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.url = url;
        this.key = key;
        this.timeout = timeout;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Outcome send(Outgoing receipt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schema", SCHEMA);
        body.put("receiptId", receipt.id());
        body.put("phone", receipt.phone());
        body.put("language", receipt.language());
        body.put("message", receipt.message());
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            return Outcome.refused("unserialisable receipt");
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", receipt.id())
                .header(ReceiptSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(ReceiptSignature.SIGNATURE_HEADER, ReceiptSignature.header(key, timestamp, text))
                .POST(HttpRequest.BodyPublishers.ofString(text))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2 || status == 409) {
                return Outcome.sent();   // 409: the gateway already has this Idempotency-Key
            }
            if (status >= 500 || status == 408 || status == 429) {
                return Outcome.retry("gateway answered " + status);
            }
            return Outcome.refused("gateway refused with " + status);
        } catch (IOException e) {
            return Outcome.retry("gateway unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.retry("interrupted");
        }
    }
}
