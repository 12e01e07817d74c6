package org.linkage.bridge.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;
import org.linkage.bridge.client.IntakeApi;
import org.linkage.bridge.client.IntakeClient;
import org.linkage.bridge.client.RouterApi;
import org.linkage.bridge.client.RouterClient;
import org.linkage.bridge.client.UpstreamUnavailableException;
import org.linkage.bridge.config.BridgeConfig;
import org.linkage.bridge.domain.Open311Mapping;
import org.linkage.bridge.repository.Open311Held;
import org.linkage.bridge.repository.Open311HeldRepository;
import org.linkage.bridge.repository.Open311Request;
import org.linkage.bridge.repository.Open311Token;
import org.linkage.bridge.repository.Open311Update;
import org.linkage.commons.outbox.Outbox;
import org.linkage.commons.problem.ProblemException;
import org.linkage.events.PoliceTransferCreated;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The GeoReport v2 operations; the resource only maps HTTP to these and renders JSON or XML. */
@ApplicationScoped
public class Open311Service {
    private static final Logger LOG = Logger.getLogger(Open311Service.class);
    static final String HELD_NOTICE = "Received. It is being checked and will be filed shortly: ask GET tokens/{token} for "
            + "its service_request_id. In an emergency call 110 now. 已收到,核查后即转办;紧急情况请直接拨打110。";
    static final String POLICE_NOTICE = "This is a police matter and has been handed to the 110 police line, which will "
            + "contact you. In an emergency call 110 now. 此事项属于公安机关职责,已移交110报警服务台处理;紧急情况请直接拨打110。";

    private final Open311Catalogue catalogue;
    private final RouterClient router;
    private final IntakeClient intake;
    private final TicketReadModel readModel;
    private final Outbox outbox;
    private final Clock clock;
    private final BridgeConfig.Open311Server config;

    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final Open311HeldRepository heldRequests;

    public Open311Service(Open311Catalogue catalogue, RouterClient router, IntakeClient intake, TicketReadModel readModel,
                          Outbox outbox, Clock clock, BridgeConfig config, com.fasterxml.jackson.databind.ObjectMapper json,
                          Open311HeldRepository heldRequests) {
        this.json = json;
        this.heldRequests = heldRequests;
        this.catalogue = catalogue;
        this.router = router;
        this.intake = intake;
        this.readModel = readModel;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config.open311Server();
    }

    /** A new service request, as the form fields of GeoReport's POST requests carry it. */
    /** @param attributes the answers to the service's questions ({@code attribute[code]}), checked; null when none */
    public record NewRequest(String serviceCode, Double lat, Double lon, String addressString, String description,
                             String firstName, String lastName, String phone, String email, String mediaUrl,
                             java.util.Map<String, String> attributes) {

        public NewRequest(String serviceCode, Double lat, Double lon, String addressString, String description,
                          String firstName, String lastName, String phone, String email, String mediaUrl) {
            this(serviceCode, lat, lon, addressString, description, firstName, lastName, phone, email, mediaUrl, null);
        }
    }

    /** What POST requests answers: an id when a ticket was made, else a token to ask about later. */
    public record Filed(String serviceRequestId, String token, String serviceNotice) {
    }

    public Filed submit(String clientId, NewRequest request) {
        return submit(clientId, request, null);
    }

    /**
     * @param clientKey the client's {@code Idempotency-Key}, if it sent one; otherwise the key is derived from
     *                  the request's content, so a client that retries the same POST (its answer lost) gets the
     *                  first ticket back instead of a second one
     */
    public Filed submit(String clientId, NewRequest request, String clientKey) {
        catalogue.find(request.serviceCode()).orElseThrow(() ->
                Open311Exception.notFound("service_code " + request.serviceCode() + " not found"));
        // The same key for every retry of this call and for the client's own retries of the same request.
        String idempotencyKey = requestKey(clientId, request, clientKey, clock.instant());
        IntakeApi.Preview preview = classify(request.description());
        if (preview == null) {
            // Fail safe: without the police check nothing is filed; the request waits for the check.
            return hold(clientId, request, idempotencyKey);
        }
        return decide(clientId, request, idempotencyKey, preview);
    }

    /** Files or hands to 110, once the classifier has spoken; also used for held requests. */
    public Filed decide(String clientId, NewRequest request, String idempotencyKey, IntakeApi.Preview preview) {
        Open311Catalogue.Service service = catalogue.find(request.serviceCode()).orElseThrow(() ->
                Open311Exception.notFound("service_code " + request.serviceCode() + " not found"));
        String callerName = join(request.firstName(), request.lastName());
        if ("POLICE".equals(preview.disposition())) {
            // A retried police matter names the same transfer, which 110 queues once.
            return handToPolice(clientId, request, callerName, preview,
                    UUID.nameUUIDFromBytes(("police\n" + idempotencyKey).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        RouterApi.CreatedTicket created;
        try {
            created = router.createRequest(idempotencyKey, new RouterApi.NewRequest(Open311Mapping.channel(clientId), service.code(),
                    request.description(), request.addressString(), null, request.lat(), request.lon(), callerName,
                    request.phone(), request.email(), request.attributes(), request.mediaUrl()));
        } catch (ProblemException e) {
            // The router's own validation (for example an address it cannot place) in GeoReport terms; 422 is
            // the client's Idempotency-Key reused for a different request.
            throw new Open311Exception(e.status() == 404 ? 404 : e.status() == 422 ? 409 : 400, e.getMessage());
        } catch (UpstreamUnavailableException | FaultToleranceException e) {
            LOG.warnf("router unavailable for an Open311 request from %s: %s", clientId, e.getMessage());
            throw new Open311Exception(503, "The request could not be filed now; please try again later.");
        }
        return recordFiled(clientId, request, created);
    }

    /**
     * The router's idempotency key for an inbound request, as a name-based UUID: from the client's own key
     * when it sent one, else from everything the request says (the same client filing the same text at the
     * same place for the same caller on the same UTC day is a retry, not a new matter). Scoped per client.
     */
    static String requestKey(String clientId, NewRequest r, String clientKey, Instant now) {
        StringBuilder basis = new StringBuilder("open311\n").append(clientId).append('\n');
        if (clientKey != null && !clientKey.isBlank()) {
            basis.append("key\n").append(clientKey.strip());
        } else {
            basis.append("content\n").append(java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC));
            for (Object part : new Object[]{r.serviceCode(), r.lat(), r.lon(), r.addressString(), r.description(),
                    r.firstName(), r.lastName(), r.phone(), r.email()}) {
                basis.append('\n').append(part == null ? "" : part.toString().strip().replace("\\", "\\\\").replace("\n", "\\n"));
            }
            if (r.mediaUrl() != null) {
                // Only when present, so the keys of requests without media stay what they were.
                basis.append("\nmedia\n").append(r.mediaUrl());
            }
            if (r.attributes() != null && !r.attributes().isEmpty()) {
                // only when answered, so a request without answers keeps the key it had before the questions
                new java.util.TreeMap<>(r.attributes()).forEach((k, v) -> basis.append("\nattribute\n").append(k)
                        .append('=').append(v.replace("\\", "\\\\").replace("\n", "\\n")));
            }
        }
        return UUID.nameUUIDFromBytes(basis.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    @Transactional
    Filed recordFiled(String clientId, NewRequest request, RouterApi.CreatedTicket created) {
        readModel.filed(created.ticketId(), created.ticketNumber(), created.status(), request.serviceCode(),
                request.description(), request.addressString(), request.lat(), request.lon(),
                Open311Mapping.channel(clientId), clock.instant(), request.mediaUrl());
        Open311Token token = token(clientId, null);
        token.serviceRequestId = created.ticketNumber();
        return new Filed(created.ticketNumber(), token.token, null);
    }

    @Transactional
    Filed handToPolice(String clientId, NewRequest request, String callerName, IntakeApi.Preview preview,
                       UUID transferId) {
        String reason = "Open311 request classified as a police matter (" + preview.categoryCode() + ", confidence "
                + preview.confidence() + ", model " + preview.modelVersion() + ")";
        outbox.publish(new PoliceTransferCreated(transferId, null, null, null, "OPEN311", reason,
                request.description(), request.addressString(), null, request.phone(), callerName,
                "open311:" + clientId, clock.instant()));
        Open311Token token = token(clientId, POLICE_NOTICE);
        token.policeTransferId = transferId;
        LOG.infof("Open311 request from %s handed to 110 as transfer %s", clientId, transferId);
        return new Filed(null, token.token, POLICE_NOTICE);
    }

    /** The classifier decides police or not; null when intake cannot answer now (then nothing is filed). */
    public IntakeApi.Preview classify(String description) {
        try {
            return intake.preview(description, null);
        } catch (UpstreamUnavailableException | FaultToleranceException | ProblemException e) {
            LOG.warnf("classifier unavailable, Open311 request held until the police check can run: %s", e.getMessage());
            return null;
        }
    }

    @Transactional
    Filed hold(String clientId, NewRequest request, String idempotencyKey) {
        Open311Token token = token(clientId, HELD_NOTICE);
        Open311Held held = new Open311Held();
        held.token = token.token;
        held.clientId = clientId;
        held.idempotencyKey = idempotencyKey;
        try {
            held.request = json.writeValueAsString(request);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        held.receivedAt = clock.instant();
        held.nextCheckAt = held.receivedAt;
        heldRequests.persist(held);
        LOG.infof("Open311 request from %s held for the police check as token %s", clientId, token.token);
        return new Filed(null, token.token, HELD_NOTICE);
    }

    private Open311Token token(String clientId, String notice) {
        Open311Token token = new Open311Token();
        token.token = UUID.randomUUID().toString();
        token.clientId = clientId;
        token.serviceNotice = notice;
        token.createdAt = clock.instant();
        token.persist();
        return token;
    }

    /**
     * GeoReport GET requests: ids override every other filter; otherwise the window defaults to 90 days.
     * A client sees only the requests it filed itself: tickets from 110 calls or other clients carry
     * callers' personal data that an api_key does not entitle anyone to.
     */
    @Transactional
    public List<Open311Request> find(String clientId, List<String> ids, String serviceCode, Instant start, Instant end,
                                     String status) {
        String channel = Open311Mapping.channel(clientId);
        if (ids != null && !ids.isEmpty()) {
            return Open311Request.list("channel = ?1 and serviceRequestId in ?2 order by requestedAt desc", channel, ids);
        }
        Instant to = end == null ? clock.instant() : end;
        Instant from = start == null ? to.minus(Duration.ofDays(config.defaultDays())) : start;
        if (from.isAfter(to)) {
            throw Open311Exception.badRequest("start_date must not be after end_date");
        }
        StringBuilder query = new StringBuilder("channel = :channel and requestedAt >= :from and requestedAt <= :to");
        Map<String, Object> params = new HashMap<>();
        params.put("channel", channel);
        params.put("from", from);
        params.put("to", to);
        if (serviceCode != null && !serviceCode.isBlank()) {
            List<String> codes = new ArrayList<>(List.of(serviceCode.split(",")));
            codes.replaceAll(String::trim);
            query.append(" and serviceCode in :codes");
            params.put("codes", codes);
        }
        if (status != null && !status.isBlank()) {
            List<String> statuses = new ArrayList<>(List.of(status.toLowerCase().split(",")));
            statuses.replaceAll(String::trim);
            if (!List.of("open", "closed").containsAll(statuses)) {
                throw Open311Exception.badRequest("status must be open or closed");
            }
            query.append(" and status in :statuses");
            params.put("statuses", statuses);
        }
        return Open311Request.find(query + " order by requestedAt desc", params).page(0, config.maxResults()).list();
    }

    /** The servicerequestupdates extension: changes in a window (default the last 90 days), oldest first. */
    @Transactional
    public List<Open311Update> updates(String clientId, String serviceRequestId, Instant start, Instant end) {
        Instant to = end == null ? clock.instant() : end;
        Instant from = start == null ? to.minus(Duration.ofDays(config.defaultDays())) : start;
        String own = "ticketId in (select r.ticketId from Open311Request r where r.channel = ?1)";
        String channel = Open311Mapping.channel(clientId);
        if (serviceRequestId != null && !serviceRequestId.isBlank()) {
            return Open311Update.find(own + " and serviceRequestId = ?2 and updatedAt >= ?3 and updatedAt <= ?4 order by id",
                    channel, serviceRequestId.trim(), from, to).page(0, config.maxResults()).list();
        }
        return Open311Update.find(own + " and updatedAt >= ?2 and updatedAt <= ?3 order by id", channel, from, to)
                .page(0, config.maxResults()).list();
    }

    /** One of the client's own requests; another's (or a 110 ticket) is "not found", not "forbidden", so ids leak nothing. */
    @Transactional
    public Open311Request get(String clientId, String serviceRequestId) {
        Open311Request r = Open311Request.find("channel = ?1 and serviceRequestId = ?2",
                Open311Mapping.channel(clientId), serviceRequestId).firstResult();
        if (r == null) {
            throw Open311Exception.notFound("service_request_id " + serviceRequestId + " not found");
        }
        return r;
    }

    @Transactional
    public Open311Token tokenOf(String clientId, String token) {
        Open311Token t = Open311Token.findById(token);
        if (t == null || !clientId.equals(t.clientId)) {
            throw Open311Exception.notFound("token " + token + " not found");
        }
        return t;
    }

    /** Chinese names are written family name first and without a space (张三); Latin names the other way round. */
    static String join(String first, String last) {
        String f = first == null ? "" : first.trim();
        String l = last == null ? "" : last.trim();
        if (f.isEmpty() || l.isEmpty()) {
            String name = f + l;
            return name.isEmpty() ? null : name;
        }
        boolean latin = (f + l).chars().anyMatch(c -> c < 0x2E80 && Character.isLetter(c));
        return latin ? f + " " + l : l + f;
    }
}
