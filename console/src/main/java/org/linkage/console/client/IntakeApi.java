package org.linkage.console.client;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.SseEvent;

import java.util.List;
import java.util.Map;

/**
 * intake-service (110), as the signed-in person. Answers are the service's own JSON documents: the
 * console renders the service's view and keeps no second copy of its shape.
 */
@RegisterRestClient(configKey = "intake")
@RegisterProvider(UserToken.class)
@RegisterProvider(ProblemMapper.class)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface IntakeApi {
    @POST
    @Path("/api/calls")
    Map<String, Object> submit(@HeaderParam("Idempotency-Key") String idempotencyKey, Requests.NewCall call);

    @GET
    @Path("/api/calls")
    Map<String, Object> calls(@QueryParam("text") String text, @QueryParam("disposition") String disposition,
                              @QueryParam("decision") String decision, @QueryParam("retrievalCode") String retrievalCode,
                              @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/api/calls/{id}")
    Map<String, Object> call(@PathParam("id") String id);

    /** The call's evidence (photos, recordings, documents), as intake lists it for this reader. */
    @GET
    @Path("/api/calls/{id}/attachments")
    java.util.List<Map<String, Object>> attachments(@PathParam("id") String id);

    /** One file as the raw body; intake sniffs its type and strips its metadata. */
    @POST
    @Path("/api/calls/{id}/attachments")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    Map<String, Object> uploadAttachment(@PathParam("id") String id, @QueryParam("fileName") String fileName,
                                         byte[] content);

    /** The file with intake's headers (type, disposition); a refusal throws as every other call does. */
    @GET
    @Path("/api/calls/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    jakarta.ws.rs.core.Response attachment(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId);

    @GET
    @Path("/api/calls/by-retrieval-code/{code}")
    Map<String, Object> byRetrievalCode(@PathParam("code") String code);

    @GET
    @Path("/api/calls/{id}/contact")
    Map<String, Object> contact(@PathParam("id") String id);

    @POST
    @Path("/api/calls/{id}/confirmation")
    Map<String, Object> confirm(@PathParam("id") String id);

    @POST
    @Path("/api/calls/{id}/override")
    Map<String, Object> override(@PathParam("id") String id, Requests.Override override);

    /** 咨询直接答复: close the call citing knowledge-base articles, no referral. */
    @POST
    @Path("/api/calls/{id}/answer")
    Map<String, Object> answer(@PathParam("id") String id, Requests.Answer answer);

    @POST
    @Path("/api/incidents/{incidentNumber}/referrals")
    Map<String, Object> handOver(@HeaderParam("Idempotency-Key") String idempotencyKey,
                                 @PathParam("incidentNumber") String incidentNumber, Requests.HandOver handOver);

    /** Consultation request to 12345 (三方通话 in data). */
    @POST
    @Path("/api/calls/{id}/consultation")
    Map<String, Object> requestConsultation(@PathParam("id") String id, Requests.Consultation body);

    @POST
    @Path("/api/classifications/preview")
    Map<String, Object> preview(Requests.Preview preview);

    @GET
    @Path("/api/categories")
    List<Category> categories();

    @GET
    @Path("/api/districts")
    List<District> districts();

    @GET
    @Path("/api/police-transfers")
    Map<String, Object> policeTransfers(@QueryParam("state") String state, @QueryParam("page") int page,
                                        @QueryParam("size") int size);

    @POST
    @Path("/api/police-transfers/{id}/acceptance")
    Map<String, Object> acceptTransfer(@PathParam("id") String id, Requests.Acceptance acceptance);

    @GET
    @Path("/api/police-transfers/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> policeTransferStream(@HeaderParam("Authorization") String authorization);

    @GET
    @Path("/api/statistics/overrides")
    Map<String, Object> overrideStatistics(@QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/api/calls/{id}/history")
    Map<String, Object> callerHistory(@PathParam("id") String id);

    @GET
    @Path("/api/statistics/risk-warnings")
    Map<String, Object> riskWarnings(@QueryParam("from") String from, @QueryParam("to") String to);
}
