package org.linkage.router.rest;

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
    private final AttachmentService attachments;
    private final CurrentActor currentActor;

    public AttachmentResource(AttachmentService attachments, CurrentActor currentActor) {
        this.attachments = attachments;
        this.currentActor = currentActor;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
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
