package org.linkage.router.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.linkage.commons.evidence.EvidenceUploads;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.problem.RequestParams;
import org.linkage.commons.security.Actor;
import org.linkage.commons.security.CurrentActor;
import org.linkage.commons.security.Roles;
import org.linkage.router.service.AttachmentService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

/**
 * Evidence on a ticket (photos, recordings, documents): uploaded as multipart ({@code file} part) or as the raw body
 * with {@code ?fileName=}; the type is what the bytes are, whatever the client says.
 */
@Path("/api/tickets/{ref}/attachments")
@RolesAllowed({Roles.DEPT_AGENT, Roles.DISPATCHER, Roles.SUPERVISOR})
public class AttachmentResource {
    // uploadForm and uploadRaw are one operation (POST /api/tickets/{ref}/attachments), documented once here
    private static final String UPLOAD_SUMMARY = "Attach evidence to a ticket (上传附件)";
    private static final String UPLOAD_DESCRIPTION = """
            A photo, recording or document, as multipart (part file) or as the raw body with fileName; the type is what
            the bytes are. Intake's service account attaches a call's files with callId and sourceId. Roles: dept-agent
            (own unit's), dispatcher, supervisor; intake service for the raw body.""";
    private static final String UPLOAD_400 = "No file part, or for intake no callId or sourceId";
    private static final String UPLOAD_404 = "No such ticket, or not one you may see (for intake: not the "
            + "call's ticket)";
    private static final String UPLOAD_409 = "The ticket takes no more attachments in its status, or the file "
            + "is on another ticket";
    private static final String UPLOAD_422 = "Too many attachments on the ticket, or the file cannot be read";

    static final String VIEW = """
            {"id": "6a1d8f3c-2e7b-4c95-b0d4-9f8e2a1c7b36", "ticketNumber": "12345-20261128-000042",
             "fileName": "工地欠薪协议照片.jpg", "contentType": "image/jpeg", "sizeBytes": 284613,
             "sha256": "9f2c4e1a7b3d8f6e0c5a2b9d4e7f1a3c6b8d0e2f4a6c8e0b2d4f6a8c0e2b4d6f",
             "departmentCode": "CD-HRSS", "uploadedBy": "hrss-agent1", "uploadedAt": "2026-11-29T03:12:00Z",
             "href": "/api/tickets/12345-20261128-000042/attachments/6a1d8f3c-2e7b-4c95-b0d4-9f8e2a1c7b36"}""";

    private final AttachmentService attachments;
    private final CurrentActor currentActor;

    public AttachmentResource(AttachmentService attachments, CurrentActor currentActor) {
        this.attachments = attachments;
        this.currentActor = currentActor;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = UPLOAD_SUMMARY, description = UPLOAD_DESCRIPTION)
    @APIResponse(responseCode = "201", description = "Attached; Location is the file", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentService.View.class),
            examples = @ExampleObject(name = "photo", value = VIEW)))
    @APIResponse(responseCode = "400", description = UPLOAD_400)
    @APIResponse(responseCode = "404", description = UPLOAD_404)
    @APIResponse(responseCode = "409", description = UPLOAD_409)
    @APIResponse(responseCode = "413", description = "The file is too large")
    @APIResponse(responseCode = "415", description = "Not a type the hotline keeps")
    @APIResponse(responseCode = "422", description = UPLOAD_422)
    public Response uploadForm(@PathParam("ref") String ref, @RestForm(AttachmentService.FIELD) FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.badRequest(AttachmentService.FIELD, "a multipart part named file is required");
        }
        attachments.requireSize(file.size());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return created(attachments.upload(ref, actor(), file.fileName(), bytes));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEPT_AGENT, Roles.DISPATCHER, Roles.SUPERVISOR, Roles.INTAKE_SERVICE})
    @Operation(summary = UPLOAD_SUMMARY, description = UPLOAD_DESCRIPTION)
    @APIResponse(responseCode = "201", description = "Attached; Location is the file", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentService.View.class),
            examples = @ExampleObject(name = "photo", value = VIEW)))
    @APIResponse(responseCode = "400", description = UPLOAD_400)
    @APIResponse(responseCode = "404", description = UPLOAD_404)
    @APIResponse(responseCode = "409", description = UPLOAD_409)
    @APIResponse(responseCode = "413", description = "The file is too large")
    @APIResponse(responseCode = "415", description = "Not a type the hotline keeps")
    @APIResponse(responseCode = "422", description = UPLOAD_422)
    public Response uploadRaw(@PathParam("ref") String ref,
                              @Parameter(description = "the name the file is offered under on download")
                              @QueryParam("fileName") String fileName,
                              @Parameter(description = "intake only: the call the ticket came from")
                              @QueryParam("callId") String callId,
                              @Parameter(description = "intake only: its id of the attachment, kept on the ticket")
                              @QueryParam("sourceId") String sourceId,
                              @Parameter(description = "intake only: the call-taker or officer who attached it")
                              @QueryParam("uploadedBy") String uploadedBy, byte[] body) {
        Actor actor = actor();
        if (actor.hasRole(Roles.INTAKE_SERVICE)) {
            return created(attachments.takeFromCall(ref, actor, RequestParams.uuid("callId", callId),
                    RequestParams.uuid("sourceId", sourceId), RequestParams.text("uploadedBy", uploadedBy, 100),
                    fileName, body));
        }
        return created(attachments.upload(ref, actor, fileName, body));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A ticket's attachments (附件列表)", description = """
            Every file with its type, size, checksum and who attached it. Roles: dept-agent (own unit's), dispatcher,
            supervisor.""")
    @APIResponse(responseCode = "200", description = "The attachments", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AttachmentService.View.class),
            examples = @ExampleObject(name = "photo", value = "[" + VIEW + "]")))
    @APIResponse(responseCode = "404", description = "No such ticket, or not one you may see")
    public List<AttachmentService.View> list(@PathParam("ref") String ref) {
        return attachments.list(ref, actor());
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("ref") String ref, @PathParam("id") UUID id) {
        AttachmentService.Download d = attachments.download(ref, id, actor());
        return Response.ok(d.content(), d.contentType())
                .header("Content-Disposition", EvidenceUploads.contentDisposition(d.fileName()))
                // The stored type is the sniffed one; the browser must not guess another, nor run what it opens.
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    private Response created(AttachmentService.View v) {
        return Response.status(201).entity(v).header("Location", v.href()).build();
    }

    private Actor actor() {
        return currentActor.get("router-api");
    }
}
