package org.linkage.intake.rest;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.linkage.commons.evidence.EvidenceUploads;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.problem.RequestParams;
import org.linkage.commons.security.Actor;
import org.linkage.commons.security.CurrentActor;
import org.linkage.commons.security.Roles;
import org.linkage.intake.service.CallAttachments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Evidence on a call: uploaded as multipart ({@code file} part) or as the raw body with {@code ?fileName=}; the type
 * is what the bytes are, whatever the client says. Once the call has a 12345 ticket its files are taken onto it.
 */
@Path("/api/calls/{id}/attachments")
@Tag(name = "Calls", description = "110来电 / Calls to 110")
public class CallAttachmentResource {
    private static final String UPLOAD_DESCRIPTION = """
            Call-takers and officers, on a call they may see (their own). The type is sniffed from the bytes (JPEG,
            PNG, GIF, PDF, MP3, M4A, WAV, AMR); images are re-encoded without EXIF/XMP, recordings lose their tags.
            At most 10 MiB and 10 files per call. Audited (ATTACHMENT_UPLOADED). When the call has a 12345 ticket,
            the file is taken onto it (forwardedToTicket).""";

    private final CallAttachments attachments;
    private final CurrentActor currentActor;

    public CallAttachmentResource(CallAttachments attachments, CurrentActor currentActor) {
        this.attachments = attachments;
        this.currentActor = currentActor;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CALL_TAKER, Roles.OFFICER})
    @Operation(summary = "Attach a file to a call (上传来电附件)", description = UPLOAD_DESCRIPTION)
    @APIResponse(responseCode = "201", description = "Stored, cleaned")
    @APIResponse(responseCode = "400", description = "No file part, or an empty file (problem+json naming file)")
    @APIResponse(responseCode = "404", description = "No such call, or not one you may see")
    @APIResponse(responseCode = "413", description = "Larger than the limit (problem+json naming file)")
    @APIResponse(responseCode = "415", description = "Not an accepted kind of file (problem+json naming file)")
    @APIResponse(responseCode = "422", description = "Undecodable, or the call carries the most files it may")
    public Response uploadForm(@PathParam("id") String id, @RestForm(EvidenceUploads.FIELD) FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.badRequest(EvidenceUploads.FIELD, "须上传名为file的文件 / a multipart part named file is required");
        }
        attachments.requireSize(file.size());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return created(attachments.upload(RequestParams.uuid("id", id), actor(), file.fileName(), bytes));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CALL_TAKER, Roles.OFFICER})
    @Operation(summary = "Attach a file to a call, raw body (上传来电附件)", description = UPLOAD_DESCRIPTION)
    @APIResponse(responseCode = "201", description = "Stored, cleaned")
    @APIResponse(responseCode = "400", description = "An empty body (problem+json naming file)")
    @APIResponse(responseCode = "404", description = "No such call, or not one you may see")
    @APIResponse(responseCode = "413", description = "Larger than the limit (problem+json naming file)")
    @APIResponse(responseCode = "415", description = "Not an accepted kind of file (problem+json naming file)")
    @APIResponse(responseCode = "422", description = "Undecodable, or the call carries the most files it may")
    public Response uploadRaw(@PathParam("id") String id,
                              @Parameter(description = "the name the file is offered under on download", example = "现场照片.jpg")
                              @QueryParam("fileName") String fileName, byte[] body) {
        return created(attachments.upload(RequestParams.uuid("id", id), actor(), fileName, body));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CALL_TAKER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "A call's attachments (来电附件列表)", description = "Whoever may see the call, oldest first.")
    @APIResponse(responseCode = "404", description = "No such call, or not one you may see")
    public List<CallAttachmentView> list(@PathParam("id") String id) {
        return attachments.list(RequestParams.uuid("id", id), actor()).stream().map(CallAttachmentView::of).toList();
    }

    @GET
    @Path("/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.CALL_TAKER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(summary = "Download a call's attachment (下载来电附件)", description = """
            The cleaned file as a download, never rendered in place (nosniff, a sandboxing CSP). Audited
            (ATTACHMENT_DOWNLOADED).""")
    @APIResponse(responseCode = "404", description = "No such call or attachment, or not one you may see")
    public Response download(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        CallAttachments.Download d = attachments.download(RequestParams.uuid("id", id),
                RequestParams.uuid("attachmentId", attachmentId), actor());
        return Response.ok(d.content(), d.contentType())
                .header("Content-Disposition", EvidenceUploads.contentDisposition(d.fileName()))
                // The stored type is the sniffed one; the browser must not guess another, nor run what it opens.
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", "private, no-store")
                .build();
    }

    private Response created(CallAttachments.Stored s) {
        CallAttachmentView v = CallAttachmentView.of(s);
        return Response.status(201).entity(v).header("Location", v.href()).build();
    }

    private Actor actor() {
        return currentActor.get("intake");
    }
}
