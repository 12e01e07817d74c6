package org.linkage.router.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.linkage.commons.evidence.EvidenceUploads;
import org.linkage.commons.problem.RequestParams;
import org.linkage.router.service.AttachmentService;

/**
 * An attachment opened through an expiring signed link, as department systems and Open311 clients receive them.
 * Deliberately without a token (they have no account here): the signature is the authority, for that one file and
 * until the link's expiry. Outside /api so that no one mistakes it for the authenticated API.
 */
@Path("/links/attachments/{id}")
@PermitAll
public class AttachmentLinkResource {
    private final AttachmentService attachments;

    public AttachmentLinkResource(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @GET
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "An attachment by its signed link (附件限时链接)", description = """
            No token: the link's HMAC signature over the attachment's id and its expiry is checked instead. 403 after
            the expiry or with a signature that does not match; 404 when the attachment does not exist. Each download
            is audited (ATTACHMENT_LINK_DOWNLOADED).""")
    @APIResponse(responseCode = "400", description = "expires is not a number")
    @APIResponse(responseCode = "403", description = "Expired, or the signature does not match")
    @APIResponse(responseCode = "404", description = "No such attachment")
    public Response download(@PathParam("id") String id, @QueryParam("expires") String expires,
                             @QueryParam("signature") String signature) {
        long until;
        try {
            until = Long.parseLong(expires == null ? "" : expires);
        } catch (NumberFormatException e) {
            throw org.linkage.commons.problem.ProblemException.badRequest("expires", "须为秒级时间戳 / must be epoch seconds");
        }
        AttachmentService.Download d = attachments.downloadByLink(RequestParams.uuid("id", id), until, signature);
        return Response.ok(d.content(), d.contentType())
                .header("Content-Disposition", EvidenceUploads.contentDisposition(d.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", "private, no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }
}
