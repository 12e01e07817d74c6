package org.linkage.router.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.commons.security.CurrentActor;
import org.linkage.commons.security.Roles;
import org.linkage.router.repository.Consultation;
import org.linkage.router.service.AnsweredContacts;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Contacts 12345 answered directly from the knowledge base (咨询直接答复): no ticket, resolved at first contact. */
@Path("/api/contacts/answered")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Answered contacts", description = "咨询直接答复 / Questions 12345 answered on the spot from the knowledge base")
public class AnsweredContactResource {
    private final AnsweredContacts contacts;
    private final CurrentActor currentActor;

    public AnsweredContactResource(AnsweredContacts contacts, CurrentActor currentActor) {
        this.contacts = contacts;
        this.currentActor = currentActor;
    }

    static final String REQUEST_EXAMPLE = """
            {"channel": "PHONE", "content": "灵活就业人员怎么缴纳社保？", "categoryCode": "SOCIAL_SECURITY",
             "districtCode": "510107", "articleIds": [3], "note": "已告知可在天府通办办理参保登记"}""";

    @Schema(name = "AnsweredContactRequest", example = REQUEST_EXAMPLE)
    public record Request(
            @Schema(description = "来源渠道 / channel the contact came by", example = "PHONE")
            @NotBlank @Pattern(regexp = "[A-Z0-9_]{2,20}") String channel,
            @Schema(description = "咨询内容 / the question asked") @NotBlank @Size(max = 2000) String content,
            @Schema(description = "类别代码 / category code", example = "SOCIAL_SECURITY")
            @NotBlank @Pattern(regexp = "[A-Z_]{2,40}") String categoryCode,
            @Schema(description = "区县代码 / district code", example = "510107")
            @Pattern(regexp = "[A-Za-z0-9-]{2,40}") String districtCode,
            @Schema(description = "引用的知识库文章（1-5篇，已发布且在有效期内） / 1-5 published, currently valid articles")
            @NotNull @Size(min = 1, max = 5) List<@NotNull Long> articleIds,
            @Schema(description = "答复要点 / what the caller was told") @Size(max = 1000) String note) {
    }

    public record CitedArticle(long id, int version, String titleZh, String titleEn) {
    }

    static final String VIEW_EXAMPLE = """
            {"contactNumber": "12345-C-20261201-000001", "line": "12345", "channel": "PHONE",
             "content": "灵活就业人员怎么缴纳社保？", "categoryCode": "SOCIAL_SECURITY", "districtCode": "510107",
             "articles": [{"id": 3, "version": 1, "titleZh": "灵活就业人员参保", "titleEn": "Social insurance for the self-employed"}],
             "note": "已告知可在天府通办办理参保登记", "answeredBy": "dispatcher1", "answeredAt": "2026-12-01T08:30:00Z"}""";

    @Schema(name = "AnsweredContact", example = VIEW_EXAMPLE)
    public record View(String contactNumber, String line, String channel, String content, String categoryCode,
                       String districtCode, List<CitedArticle> articles, String note, String answeredBy,
                       Instant answeredAt) {
        static View of(Consultation c) {
            return new View(c.callNumber, c.line, c.channel, c.question, c.categoryCode, c.districtCode,
                    AnsweredContacts.citedVersions(c).stream()
                            .map(v -> new CitedArticle(v.articleId, v.version, v.titleZh, v.titleEn)).toList(),
                    c.note, c.answeredBy, c.answeredAt);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DISPATCHER)
    @Operation(summary = "Close a contact as answered from the knowledge base (咨询直接答复)", description = """
            A question that reached 12345 directly and was answered on the spot: no ticket is made, and it counts in
            GET /api/statistics/first-contact as resolved at first contact (line 12345). Cites 1-5 articles, each
            published and valid today; the versions cited are kept. Audited as answered_contact. An optional
            Idempotency-Key makes a retried submission answer the contact made the first time.""")
    @APIResponse(responseCode = "201", description = "Recorded; Location is the contact", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class),
            examples = @ExampleObject(name = "answered", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replay of an earlier request with the same Idempotency-Key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class),
                    examples = @ExampleObject(name = "answered", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid input, or an article unknown, unpublished or not valid today (problem+json naming the field)")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    public Response answer(@Parameter(description = "客户端重试键 / client retry key", example = "8c1e3f52-2a4b-4c0e-9f1d-0b6a7d2e9c11")
                           @HeaderParam(AnsweredContacts.KEY_HEADER) String idempotencyKey,
                           @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                   schema = @Schema(implementation = Request.class),
                                   examples = @ExampleObject(name = "question", value = REQUEST_EXAMPLE)))
                           @NotNull @Valid Request body) {
        AnsweredContacts.Answered a = contacts.answer(new AnsweredContacts.Input(body.channel(), body.content(),
                body.categoryCode(), body.districtCode(), body.articleIds(), body.note()), idempotencyKey,
                currentActor.get("router-api"));
        View view = View.of(a.contact());
        return a.created()
                ? Response.created(URI.create("/api/contacts/answered/" + view.contactNumber())).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @Path("/{number}")
    @RolesAllowed({Roles.DISPATCHER, Roles.SUPERVISOR})
    @Operation(summary = "An answered contact by its number (12345-C-…)")
    @APIResponse(responseCode = "404", description = "No answered contact with that number")
    public View get(@Parameter(example = "12345-C-20261201-000001") @PathParam("number") String number) {
        return View.of(contacts.get(number));
    }
}
