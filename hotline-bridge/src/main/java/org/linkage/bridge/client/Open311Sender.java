package org.linkage.bridge.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.bridge.config.BridgeConfig;
import org.linkage.bridge.domain.Adapter;
import org.linkage.bridge.domain.AttemptResult;
import org.linkage.bridge.domain.DepartmentDirectory;
import org.linkage.bridge.domain.KeyValueSpec;
import org.linkage.bridge.repository.Delivery;
import org.linkage.bridge.service.DepartmentTicket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Files the ticket as an Open311 GeoReport v2 service request: {@code POST {endpoint}/requests.json},
 * form-encoded, with {@code service_code} mapped from the category (docs/open311.md).
 */
@ApplicationScoped
public class Open311Sender implements DepartmentSender {
    private final HttpSupport http;
    private final ObjectMapper json;
    private final Map<String, String> serviceCodes;
    private final Map<String, String> apiKeys;
    private final DepartmentDirectory directory;
    private final RouterClient router;

    public Open311Sender(HttpSupport http, ObjectMapper json, BridgeConfig config, DepartmentDirectory directory,
                         RouterClient router) {
        this.http = http;
        this.router = router;
        this.json = json;
        this.directory = directory;
        this.serviceCodes = KeyValueSpec.parse(config.open311().serviceCodes().orElse(null));
        this.apiKeys = KeyValueSpec.parse(config.open311().apiKeys().orElse(null));
    }

    @Override
    public AttemptResult send(Delivery delivery) {
        // The department's api_key goes only to the server the bridge's own directory names for it.
        var refusal = directory.refusal(delivery.departmentCode, Adapter.OPEN311, delivery.endpointUrl);
        if (refusal.isPresent()) {
            return new AttemptResult(AttemptResult.Outcome.REJECTED, null, 0, null, refusal.get());
        }
        DepartmentTicket ticket;
        try {
            ticket = json.readValue(delivery.payload, DepartmentTicket.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored payload of delivery " + delivery.id + " is unreadable", e);
        }
        String base = delivery.endpointUrl.endsWith("/") ? delivery.endpointUrl : delivery.endpointUrl + "/";
        HttpRequest request = http.request(base + "requests.json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(WebhookSender.IDEMPOTENCY_HEADER, delivery.idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(form(ticket, apiKeys.get(delivery.departmentCode),
                        mediaUrl(ticket, delivery.attemptsMade))))
                .build();
        return http.exchange(request, this::externalRef);
    }

    /** A department's GeoReport view of one request it accepted from us: its status and notes. */
    public record RemoteStatus(String status, String statusNotes) {
    }

    /**
     * Reads {@code GET {endpoint}/requests/{id}.json}; empty when the server does not answer usefully
     * (polling tries again next round, so a failure here costs nothing).
     */
    public java.util.Optional<RemoteStatus> status(Delivery delivery) {
        if (directory.refusal(delivery.departmentCode, Adapter.OPEN311, delivery.endpointUrl).isPresent()) {
            return java.util.Optional.empty();
        }
        String base = delivery.endpointUrl.endsWith("/") ? delivery.endpointUrl : delivery.endpointUrl + "/";
        String key = apiKeys.get(delivery.departmentCode);
        String url = base + "requests/" + encode(delivery.externalRef) + ".json"
                + (key == null ? "" : "?api_key=" + encode(key));
        String[] found = new String[2];
        AttemptResult result = http.exchange(http.request(url).GET().build(), body -> {
            JsonNode node = http.tree(body);
            JsonNode first = node != null && node.isArray() && !node.isEmpty() ? node.get(0) : node;
            if (first != null && first.hasNonNull("status")) {
                found[0] = first.get("status").asText();
                found[1] = first.hasNonNull("status_notes") ? first.get("status_notes").asText() : null;
            }
            return null;
        });
        if (result.outcome() != AttemptResult.Outcome.SUCCESS || found[0] == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new RemoteStatus(found[0].toLowerCase(), found[1]));
    }

    /**
     * GeoReport carries one {@code media_url}: the ticket's first photo (else its first file) as the router's expiring
     * link, asked at each attempt as for webhooks, so a retry days later still sends a link that opens. When the
     * router cannot be asked the request is filed without it: the matter must not wait on its evidence.
     */
    Optional<String> mediaUrl(DepartmentTicket ticket, int attemptsMade) {
        if (ticket.noFilesToAsk(attemptsMade)) {
            return Optional.empty();
        }
        List<RouterApi.AttachmentLink> links = router.attachmentLinksIfKnown(ticket.ticketNumber()).orElse(List.of());
        if (links.isEmpty()) {
            return Optional.empty();
        }
        return links.stream().filter(l -> l.contentType() != null && l.contentType().startsWith("image/")).findFirst()
                .or(() -> Optional.of(links.get(0))).map(RouterApi.AttachmentLink::url);
    }

    String form(DepartmentTicket ticket, String apiKey, Optional<String> mediaUrl) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("api_key", apiKey);
        fields.put("service_code", serviceCodes.getOrDefault(ticket.categoryCode(), ticket.categoryCode()));
        // GeoReport has no field for it, so the department reads the notice where it reads the matter
        fields.put("description", "[" + ticket.ticketNumber() + "] "
                + (ticket.confidential() ? "【" + ticket.contactNotice() + "】" : "") + ticket.content());
        fields.put("address_string", ticket.address());
        if (ticket.latitude() != null && ticket.longitude() != null) {
            fields.put("lat", ticket.latitude().toString());
            fields.put("long", ticket.longitude().toString());
        }
        mediaUrl.ifPresent(url -> fields.put("media_url", url));
        fields.put("last_name", ticket.callerName());
        fields.put("phone", ticket.callerPhone());
        // GeoReport has no field for our reference; an attribute carries it so answers can be matched.
        fields.put("attribute[linkage_ticket]", ticket.ticketNumber());
        // the category's questions as the department's Open311 server names them, when it shares our codes
        if (ticket.attributes() != null) {
            ticket.attributes().forEach((code, value) -> fields.putIfAbsent("attribute[" + code + "]", value));
        }
        return fields.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** GeoReport answers {@code [{"service_request_id": ...}]}, or a {@code token} when the id comes later. */
    private String externalRef(String body) {
        JsonNode node = http.tree(body);
        JsonNode first = node != null && node.isArray() && !node.isEmpty() ? node.get(0) : node;
        if (first == null || !first.isObject()) {
            return null;
        }
        if (first.hasNonNull("service_request_id")) {
            return first.get("service_request_id").asText();
        }
        return first.hasNonNull("token") ? "token:" + first.get("token").asText() : null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
