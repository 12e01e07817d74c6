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
import org.linkage.console.view.CallAttachment;
import org.linkage.console.view.CallDetail;
import org.linkage.console.view.CallSummary;
import org.linkage.console.view.CallerHistory;
import org.linkage.console.view.ClassificationPreview;
import org.linkage.console.view.Contact;
import org.linkage.console.view.OverrideReport;
import org.linkage.console.view.Page;
import org.linkage.console.view.PoliceTransfer;
import org.linkage.console.view.RiskWarningReport;

import java.util.List;

/**
 * intake-service (110), as the signed-in person. Answers are read into the console's view records
 * ({@code org.linkage.console.view}), which keep the service's field names and ignore what the console does not show.
 */
@RegisterRestClient(configKey = "intake")
@RegisterProvider(UserToken.class)
@RegisterProvider(ProblemMapper.class)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface IntakeApi {
    @POST
    @Path("/api/calls")
    CallDetail submit(@HeaderParam("Idempotency-Key") String idempotencyKey, Requests.NewCall call);

    @GET
    @Path("/api/calls")
    Page<CallSummary> calls(@QueryParam("text") String text, @QueryParam("disposition") String disposition,
                            @QueryParam("decision") String decision, @QueryParam("retrievalCode") String retrievalCode,
                            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/api/calls/{id}")
    CallDetail call(@PathParam("id") String id);

    /** The call's evidence (photos, recordings, documents), as intake lists it for this reader. */
    @GET
    @Path("/api/calls/{id}/attachments")
    List<CallAttachment> attachments(@PathParam("id") String id);

    /** One file as the raw body; intake sniffs its type and strips its metadata. */
    @POST
    @Path("/api/calls/{id}/attachments")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    CallAttachment uploadAttachment(@PathParam("id") String id, @QueryParam("fileName") String fileName,
                                    byte[] content);

    /** The file with intake's headers (type, disposition); a refusal throws as every other call does. */
    @GET
    @Path("/api/calls/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    jakarta.ws.rs.core.Response attachment(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId);

    @GET
    @Path("/api/calls/by-retrieval-code/{code}")
    CallDetail byRetrievalCode(@PathParam("code") String code);

    @GET
    @Path("/api/calls/{id}/contact")
    Contact contact(@PathParam("id") String id);

    @POST
    @Path("/api/calls/{id}/confirmation")
    CallDetail confirm(@PathParam("id") String id);

    @POST
    @Path("/api/calls/{id}/override")
    CallDetail override(@PathParam("id") String id, Requests.Override override);

    /** 咨询直接答复: close the call citing knowledge-base articles, no referral. */
    @POST
    @Path("/api/calls/{id}/answer")
    CallDetail answer(@PathParam("id") String id, Requests.Answer answer);

    @POST
    @Path("/api/incidents/{incidentNumber}/referrals")
    CallDetail handOver(@HeaderParam("Idempotency-Key") String idempotencyKey,
                                 @PathParam("incidentNumber") String incidentNumber, Requests.HandOver handOver);

    /** Consultation request to 12345 (三方通话 in data). */
    @POST
    @Path("/api/calls/{id}/consultation")
    CallDetail.Consultation requestConsultation(@PathParam("id") String id, Requests.Consultation body);

    @POST
    @Path("/api/classifications/preview")
    ClassificationPreview preview(Requests.Preview preview);

    @GET
    @Path("/api/categories")
    List<Category> categories();

    @GET
    @Path("/api/districts")
    List<District> districts();

    @GET
    @Path("/api/police-transfers")
    Page<PoliceTransfer> policeTransfers(@QueryParam("state") String state, @QueryParam("page") int page,
                                         @QueryParam("size") int size);

    @POST
    @Path("/api/police-transfers/{id}/acceptance")
    PoliceTransfer acceptTransfer(@PathParam("id") String id, Requests.Acceptance acceptance);

    @GET
    @Path("/api/police-transfers/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<SseEvent<String>> policeTransferStream(@HeaderParam("Authorization") String authorization);

    @GET
    @Path("/api/statistics/overrides")
    OverrideReport overrideStatistics(@QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/api/calls/{id}/history")
    CallerHistory callerHistory(@PathParam("id") String id);

    @GET
    @Path("/api/statistics/risk-warnings")
    RiskWarningReport riskWarnings(@QueryParam("from") String from, @QueryParam("to") String to);
}
