package org.linkage.bridge.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.linkage.bridge.config.BridgeConfig;
import org.linkage.bridge.repository.Open311Request;
import org.linkage.bridge.repository.Open311Token;
import jakarta.ws.rs.core.MultivaluedMap;
import org.linkage.bridge.service.CategoryQuestions;
import org.linkage.bridge.service.Open311Catalogue;
import org.linkage.events.CategoryQuestion;
import org.linkage.bridge.service.Open311Clients;
import org.linkage.bridge.service.Open311Exception;
import org.linkage.bridge.service.Open311Proof;
import org.linkage.bridge.service.Open311Service;
import org.linkage.commons.privacy.PhoneNumbers;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Open311 GeoReport v2 (docs/open311.md), so 311 tools can read and file requests. Every operation
 * needs an {@code api_key}: the spec leaves reads public, the project authenticates every endpoint.
 */
@Path("/open311/v2")
@PermitAll
public class Open311Resource {
    private static final String FORMAT = "{format: json|xml}";

    private final Open311Clients clients;
    private final Open311Catalogue catalogue;
    private final Open311Service service;
    private final Open311Renderer render;
    private final ZoneId zone;

    private final CategoryQuestions questions;
    private final Open311Proof proof;

    public Open311Resource(Open311Clients clients, Open311Catalogue catalogue, Open311Service service,
                           Open311Renderer render, BridgeConfig config, CategoryQuestions questions,
                           Open311Proof proof) {
        this.questions = questions;
        this.proof = proof;
        this.clients = clients;
        this.catalogue = catalogue;
        this.service = service;
        this.render = render;
        this.zone = ZoneId.of(config.open311Server().zone());
    }

    @GET
    @Path("/services." + FORMAT)
    public Response services(@PathParam("format") String format, @QueryParam("api_key") String apiKey) {
        clients.authenticate(apiKey);
        List<Open311Views.Service> items = catalogue.all().stream().map(s -> new Open311Views.Service(s.code(), s.name(),
                s.nameZh() + " — " + s.nameEn(), questions.of(s.code()).map(q -> !q.isEmpty()).orElse(false),
                "realtime", s.keywords(), s.group())).toList();
        return render.list(format, 200, "services", "service", items);
    }

    @GET
    @Path("/services/{code}." + FORMAT)
    public Response definition(@PathParam("code") String code, @PathParam("format") String format,
                               @QueryParam("api_key") String apiKey) {
        clients.authenticate(apiKey);
        Open311Catalogue.Service s = catalogue.find(code)
                .orElseThrow(() -> Open311Exception.notFound("service_code " + code + " not found"));
        // The router's catalogue owns the questions; without it the definition would be a guess
        List<CategoryQuestion> asked = questions.of(s.code())
                .orElseThrow(() -> new Open311Exception(503, "The service definition cannot be read now; please try again later."));
        return render.object(format, "service_definition",
                new Open311Views.Definition(s.code(), Open311Attributes.definitions(asked)));
    }

    @POST
    @Path("/requests." + FORMAT)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("format") String format, MultivaluedMap<String, String> form,
                           @HeaderParam("Idempotency-Key") String idempotencyKey) {
        // the whole form, because GeoReport's attribute[code] fields have names no @FormParam can list
        MultivaluedMap<String, String> f = form == null ? new jakarta.ws.rs.core.MultivaluedHashMap<>() : form;
        String apiKey = f.getFirst("api_key");
        String serviceCode = f.getFirst("service_code");
        String lat = f.getFirst("lat");
        String lon = f.getFirst("long");
        String address = f.getFirst("address_string");
        String addressId = f.getFirst("address_id");
        String description = f.getFirst("description");
        String firstName = f.getFirst("first_name");
        String lastName = f.getFirst("last_name");
        String phone = f.getFirst("phone");
        String email = f.getFirst("email");
        String mediaUrl = f.getFirst("media_url");
        String client = clients.authenticate(apiKey);
        if (!blank(idempotencyKey) && !idempotencyKey.strip().matches("[A-Za-z0-9._:-]{8,100}")) {
            throw Open311Exception.badRequest("Idempotency-Key must be 8 to 100 characters of letters, digits and . _ : -");
        }
        if (blank(serviceCode)) {
            throw Open311Exception.badRequest("service_code is required");
        }
        Double latitude = coordinate("lat", lat, 90);
        Double longitude = coordinate("long", lon, 180);
        if ((latitude == null) != (longitude == null)) {
            throw Open311Exception.badRequest("lat and long must be given together");
        }
        if (latitude == null && blank(address) && blank(addressId)) {
            throw Open311Exception.badRequest("a location is required: lat and long, address_string or address_id");
        }
        if (blank(description)) {
            throw Open311Exception.badRequest("description is required");
        }
        limit("description", description, 4000);
        limit("address_string", address, 500);
        limit("phone", phone, 40);
        limit("email", email, 200);
        limit("first_name", firstName, 100);
        limit("last_name", lastName, 100);
        // A citizen's report is never refused for its photo link: a link not to keep is left out, and said so.
        String media = null;
        String mediaNotice = null;
        if (!blank(mediaUrl)) {
            try {
                media = org.linkage.commons.evidence.MediaLink.check(mediaUrl);
            } catch (IllegalArgumentException e) {
                mediaNotice = "media_url was not kept: " + e.getMessage();
            }
        }
        Map<String, String> answers = Open311Attributes.answers(f);
        catalogue.find(serviceCode.trim()).ifPresent(s -> questions.of(s.code())
                .ifPresent(asked -> Open311Attributes.check(asked, answers)));
        Open311Service.Filed filed = service.submit(client, new Open311Service.NewRequest(serviceCode.trim(), latitude,
                longitude, blank(address) ? addressId : address, description.trim(), firstName, lastName,
                PhoneNumbers.normalisedOrAsGiven(phone), email, media, answers.isEmpty() ? null : answers),
                blank(idempotencyKey) ? null : idempotencyKey.strip());
        String notice = filed.serviceNotice() == null ? mediaNotice
                : mediaNotice == null ? filed.serviceNotice() : filed.serviceNotice() + " " + mediaNotice;
        // the id when a ticket was made, else (held or handed to 110) only the token
        Open311Views.Filed item = filed.serviceRequestId() != null
                ? new Open311Views.Filed(filed.serviceRequestId(), null, notice, null)
                : new Open311Views.Filed(null, filed.token(), notice, null);
        return render.list(format, 201, "service_requests", "request", List.of(item));
    }

    @GET
    @Path("/requests." + FORMAT)
    public Response requests(@PathParam("format") String format, @QueryParam("api_key") String apiKey,
                             @QueryParam("service_request_id") String ids, @QueryParam("service_code") String serviceCode,
                             @QueryParam("start_date") String start, @QueryParam("end_date") String end,
                             @QueryParam("status") String status) {
        String clientId = clients.authenticate(apiKey);
        List<String> idList = blank(ids) ? List.of()
                : Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        List<Open311Request> found = service.find(clientId, idList, serviceCode, date("start_date", start), date("end_date", end), status);
        Open311Proof.Answer photos = proof.answer();
        return render.list(format, 200, "service_requests", "request",
                found.stream().map(r -> view(r, photos)).toList());
    }

    @GET
    @Path("/requests/{id}." + FORMAT)
    public Response request(@PathParam("id") String id, @PathParam("format") String format,
                            @QueryParam("api_key") String apiKey) {
        String clientId = clients.authenticate(apiKey);
        return render.list(format, 200, "service_requests", "request", List.of(view(service.get(clientId, id), proof.answer())));
    }

    @GET
    @Path("/tokens/{token}." + FORMAT)
    public Response token(@PathParam("token") String token, @PathParam("format") String format,
                          @QueryParam("api_key") String apiKey) {
        String clientId = clients.authenticate(apiKey);
        Open311Token t = service.tokenOf(clientId, token);
        return render.list(format, 200, "service_requests", "request",
                List.of(new Open311Views.Token(t.serviceRequestId, t.token, t.serviceNotice)));
    }

    /** The widely used {@code servicerequestupdates} extension: status changes with their notes. */
    @GET
    @Path("/servicerequestupdates." + FORMAT)
    public Response updates(@PathParam("format") String format, @QueryParam("api_key") String apiKey,
                            @QueryParam("service_request_id") String id, @QueryParam("start_date") String start,
                            @QueryParam("end_date") String end) {
        String clientId = clients.authenticate(apiKey);
        List<org.linkage.bridge.repository.Open311Update> updates =
                service.updates(clientId, id, date("start_date", start), date("end_date", end));
        // The proof is shown on each request's newest update in the answer: the photo is the ticket's now, not as it
        // was at an older status change (links do not say when their file came).
        Map<String, org.linkage.bridge.repository.Open311Update> newest = new java.util.HashMap<>();
        for (org.linkage.bridge.repository.Open311Update u : updates) {
            newest.merge(u.serviceRequestId, u, (a, b) -> b.updatedAt.isBefore(a.updatedAt) ? a : b);
        }
        Open311Proof.Answer photos = proof.answer();
        List<Open311Views.Update> items = updates.stream()
                .map(u -> new Open311Views.Update(u.id.toString(), u.serviceRequestId, u.status, time(u.updatedAt),
                        u.description, newest.get(u.serviceRequestId) == u
                        ? photos.latestPhoto(u.serviceRequestId).orElse(null) : null)).toList();
        return render.list(format, 200, "service_request_updates", "request_update", items);
    }

    /** GeoReport errors in the spec's shape and in the format the URL asked for. */
    @ServerExceptionMapper
    public Response error(Open311Exception e, UriInfo uri) {
        String format = uri.getPath().endsWith(".xml") ? "xml" : "json";
        return render.list(format, e.code(), "errors", "error", List.of(new Open311Views.Error(e.code(), e.getMessage())));
    }

    private Open311Views.Request view(Open311Request r, Open311Proof.Answer photos) {
        // The ticket's newest photo (the department's proof, or the caller's picture) as an expiring link; else the
        // client's own link as it sent it (stored, never fetched: docs/open311.md).
        return new Open311Views.Request(r.serviceRequestId, r.status, r.statusNotes,
                catalogue.find(r.serviceCode).map(Open311Catalogue.Service::name).orElse(r.serviceCode), r.serviceCode,
                r.description, r.agencyResponsible, null, time(r.requestedAt), time(r.updatedAt), time(r.expectedAt),
                r.address, null, null, r.lat, r.lon, photos.latestPhoto(r.serviceRequestId).orElse(r.mediaUrl));
    }

    private String time(Instant at) {
        return at == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone).toOffsetDateTime());
    }

    private static Instant date(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeException e) {
            throw Open311Exception.badRequest(name + " must be a w3 date-time such as 2026-11-28T08:00:00+08:00");
        }
    }

    private static Double coordinate(String name, String value, double bound) {
        if (blank(value)) {
            return null;
        }
        try {
            double d = Double.parseDouble(value.trim());
            if (Double.isNaN(d) || Math.abs(d) > bound) {
                throw Open311Exception.badRequest(name + " is out of range");
            }
            return d;
        } catch (NumberFormatException e) {
            throw Open311Exception.badRequest(name + " must be a decimal number");
        }
    }

    private static void limit(String name, String value, int max) {
        if (value != null && value.length() > max) {
            throw Open311Exception.badRequest(name + " is longer than " + max + " characters");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
