package org.linkage.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;

/** router-service (12345), as the signed-in person: tickets, their lifecycle, statistics, reference data. */
@RegisterRestClient(configKey = "router")
@RegisterProvider(UserToken.class)
@RegisterProvider(ProblemMapper.class)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface RouterApi {
    /** Consultation requests from 110 by status (PENDING by default). */
    @GET
    @Path("/api/consultations")
    List<Map<String, Object>> consultations(@QueryParam("status") String status, @QueryParam("size") int size);

    /** {@code {accept, reason, categoryCode}}. */
    @POST
    @Path("/api/consultations/{id}/decision")
    Map<String, Object> decideConsultation(@PathParam("id") String id, Map<String, Object> body);

    @GET
    @Path("/api/tickets")
    Map<String, Object> tickets(@QueryParam("status") String status, @QueryParam("categoryCode") String categoryCode,
                                @QueryParam("districtCode") String districtCode,
                                @QueryParam("departmentCode") String departmentCode,
                                @QueryParam("duplicates") Boolean duplicates, @QueryParam("sort") String sort,
                                @QueryParam("pendingExtension") Boolean pendingExtension, @QueryParam("state") String state,
                                @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/api/tickets/{ref}")
    Map<String, Object> ticket(@PathParam("ref") String ref);

    /** The answers to the category's questions the ticket was made with, labelled. */
    @GET
    @Path("/api/tickets/{ref}/attributes")
    List<Map<String, Object>> ticketAttributes(@PathParam("ref") String ref);

    /** The answering unit's reply templates for the ticket's category, filled in (preview). */
    @GET
    @Path("/api/tickets/{ref}/reply-templates")
    List<Map<String, Object>> replyTemplates(@PathParam("ref") String ref);

    @GET
    @Path("/api/tickets/{ref}/extensions")
    List<Map<String, Object>> extensions(@PathParam("ref") String ref);

    /** The ticket's clock requests (挂起 / 挂账 / 终止办理) and their decisions. */
    @GET
    @Path("/api/tickets/{ref}/clock-requests")
    List<Map<String, Object>> clockRequests(@PathParam("ref") String ref);

    /** Clock requests awaiting a decision, oldest first; {@code kind} pause, park or terminate (all when null). */
    @GET
    @Path("/api/clock-requests")
    List<Map<String, Object>> pendingClockRequests(@QueryParam("kind") String kind, @QueryParam("size") int size);

    @GET
    @Path("/api/tickets/{ref}/duplicates")
    List<Map<String, Object>> duplicates(@PathParam("ref") String ref);

    /** The ticket's evidence (photos, recordings, documents), as the router lists it for this reader. */
    @GET
    @Path("/api/tickets/{ref}/attachments")
    List<Map<String, Object>> attachments(@PathParam("ref") String ref);

    /** One file as the raw body; the router sniffs its type and strips its metadata. */
    @POST
    @Path("/api/tickets/{ref}/attachments")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    Map<String, Object> uploadAttachment(@PathParam("ref") String ref, @QueryParam("fileName") String fileName,
                                         byte[] content);

    /** The file with the router's headers (type, disposition); a refusal throws as every other call does. */
    @GET
    @Path("/api/tickets/{ref}/attachments/{id}")
    @Produces(MediaType.WILDCARD)
    jakarta.ws.rs.core.Response attachment(@PathParam("ref") String ref, @PathParam("id") String id);

    /** Every lifecycle action: {@code sign}, {@code progress}, {@code reply}, {@code callback}, ... with its body. */
    @POST
    @Path("/api/tickets/{ref}/{action}")
    Map<String, Object> act(@PathParam("ref") String ref, @PathParam("action") String action, Map<String, Object> body);

    @POST
    @Path("/api/tickets/{ref}/extensions/{id}/decision")
    Map<String, Object> decideExtension(@PathParam("ref") String ref, @PathParam("id") String id,
                                        Map<String, Object> decision);

    @GET
    @Path("/api/statistics")
    List<Map<String, Object>> statistics(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
                                         @QueryParam("to") String to);

    @GET
    @Path("/api/statistics")
    @Produces("text/csv")
    String statisticsCsv(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
                         @QueryParam("to") String to, @QueryParam("format") String format);

    @GET
    @Path("/api/statistics/hotspots")
    List<Map<String, Object>> hotspots(@QueryParam("all") Boolean all);

    @GET
    @Path("/api/admin/departments")
    List<Map<String, Object>> departments();

    @POST
    @Path("/api/admin/departments")
    Map<String, Object> createDepartment(Map<String, Object> department);

    @PUT
    @Path("/api/admin/departments/{code}")
    Map<String, Object> updateDepartment(@PathParam("code") String code, Map<String, Object> department);

    @GET
    @Path("/api/admin/districts")
    List<Map<String, Object>> districts();

    @POST
    @Path("/api/admin/districts")
    Map<String, Object> createDistrict(Map<String, Object> district);

    @PUT
    @Path("/api/admin/districts/{code}")
    Map<String, Object> updateDistrict(@PathParam("code") String code, Map<String, Object> district);

    @GET
    @Path("/api/admin/catalogue")
    List<Map<String, Object>> catalogue();

    @GET
    @Path("/api/admin/catalogue/{category}/versions")
    List<Map<String, Object>> catalogueVersions(@PathParam("category") String category);

    @PUT
    @Path("/api/admin/catalogue/{category}")
    Map<String, Object> saveRule(@PathParam("category") String category, Map<String, Object> rule);

    @GET
    @Path("/api/admin/calendar/{year}")
    Map<String, Object> calendar(@PathParam("year") String year);

    @PUT
    @Path("/api/admin/calendar/{year}")
    Map<String, Object> saveCalendar(@PathParam("year") String year, Map<String, Object> calendar);

    @GET
    @Path("/api/knowledge/search")
    List<Map<String, Object>> searchKnowledge(@QueryParam("q") String q, @QueryParam("categoryCode") String categoryCode,
                                              @QueryParam("limit") Integer limit);

    @POST
    @Path("/api/knowledge/suggestions")
    List<Map<String, Object>> knowledgeSuggestions(Map<String, Object> call, @QueryParam("limit") Integer limit);

    @GET
    @Path("/api/knowledge/articles")
    Map<String, Object> knowledgeArticles(@QueryParam("status") String status, @QueryParam("departmentCode") String departmentCode,
                                          @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/api/knowledge/articles/{id}")
    Map<String, Object> knowledgeArticle(@PathParam("id") String id);

    @POST
    @Path("/api/knowledge/articles")
    Map<String, Object> createKnowledgeArticle(Map<String, Object> article);

    @PUT
    @Path("/api/knowledge/articles/{id}")
    Map<String, Object> editKnowledgeArticle(@PathParam("id") String id, Map<String, Object> article);

    @GET
    @Path("/api/knowledge/articles/{id}/versions")
    List<Map<String, Object>> knowledgeVersions(@PathParam("id") String id);

    @GET
    @Path("/api/knowledge/articles/{id}/versions/{version}")
    Map<String, Object> knowledgeVersion(@PathParam("id") String id, @PathParam("version") String version);

    @POST
    @Path("/api/knowledge/articles/{id}/versions/{version}/submission")
    Map<String, Object> submitKnowledgeVersion(@PathParam("id") String id, @PathParam("version") String version);

    @POST
    @Path("/api/knowledge/articles/{id}/versions/{version}/review")
    Map<String, Object> reviewKnowledgeVersion(@PathParam("id") String id, @PathParam("version") String version,
                                               Map<String, Object> review);

    @POST
    @Path("/api/contacts/answered")
    Map<String, Object> answerContact(@jakarta.ws.rs.HeaderParam("Idempotency-Key") String idempotencyKey,
                                      Map<String, Object> contact);

    @GET
    @Path("/api/contacts/answered/{number}")
    Map<String, Object> answeredContact(@PathParam("number") String number);

    @GET
    @Path("/api/statistics/first-contact")
    List<Map<String, Object>> firstContact(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
                                           @QueryParam("to") String to);

    /** The router's own word on whether this or next year's calendar is missing (December warning). */
    @GET
    @Path("/api/admin/calendar-status")
    Map<String, Object> calendarStatus();

    // Assessment (考核): the monthly ranking, appeals (申诉) and the themes of the month (每月一题).
    @GET
    @Path("/api/assessment/rankings")
    Map<String, Object> rankings(@QueryParam("month") String month);

    /** The ranking as the router writes it for a spreadsheet or for print: {@code format} csv or html. */
    @GET
    @Path("/api/assessment/rankings")
    @Produces({"text/csv", "text/html"})
    String rankingsAs(@QueryParam("month") String month, @QueryParam("format") String format);

    @GET
    @Path("/api/tickets/{ref}/appeals")
    Map<String, Object> ticketAppeals(@PathParam("ref") String ref);

    @POST
    @Path("/api/tickets/{ref}/appeals")
    Map<String, Object> fileAppeal(@PathParam("ref") String ref, Map<String, Object> appeal);

    @GET
    @Path("/api/assessment/appeals")
    List<Map<String, Object>> appeals(@QueryParam("status") String status, @QueryParam("month") String month,
                                      @QueryParam("size") int size);

    @POST
    @Path("/api/assessment/appeals/{id}/decision")
    Map<String, Object> decideAppeal(@PathParam("id") String id, Map<String, Object> decision);

    @GET
    @Path("/api/assessment/themes")
    List<Map<String, Object>> themes(@QueryParam("month") String month);

    @GET
    @Path("/api/assessment/themes/suggestions")
    List<Map<String, Object>> themeSuggestions(@QueryParam("month") String month);

    @POST
    @Path("/api/assessment/themes")
    Map<String, Object> flagTheme(Map<String, Object> theme);

    @GET
    @Path("/api/assessment/themes/{id}")
    Map<String, Object> theme(@PathParam("id") String id);

    // Published monthly ranking reports (月度考核排名通报): fixed once published, new versions only with a reason.
    @GET
    @Path("/api/assessment/reports")
    List<org.linkage.console.view.PublishedRanking> publishedRankings(@QueryParam("size") int size);

    /** {@code {month, reason}}; the router answers the published version with its report. */
    @POST
    @Path("/api/assessment/reports")
    Map<String, Object> publishRanking(Map<String, Object> publication);

    /** The month's newest version, or {@code version}, with its report as published. */
    @GET
    @Path("/api/assessment/reports/{month}")
    Map<String, Object> publishedRanking(@PathParam("month") String month, @QueryParam("version") Integer version);

    /** The published report as the router writes it for a spreadsheet or for print: {@code format} csv or html. */
    @GET
    @Path("/api/assessment/reports/{month}")
    @Produces({"text/csv", "text/html"})
    String publishedRankingAs(@PathParam("month") String month, @QueryParam("version") Integer version,
                              @QueryParam("format") String format);

    // Reply templates (答复模板) as their unit edits them; an agent reads and writes its own unit's only.
    @GET
    @Path("/api/reply-templates")
    List<org.linkage.console.view.ReplyTemplateEdit> replyTemplatesOf(@QueryParam("departmentCode") String departmentCode,
                                                                     @QueryParam("categoryCode") String categoryCode);

    /** {@code {departmentCode, categoryCode, titleZh, bodyZh, active}}. */
    @POST
    @Path("/api/reply-templates")
    org.linkage.console.view.ReplyTemplateEdit createReplyTemplate(Map<String, Object> template);

    /** The same with {@code baseVersion}, the version the editor started from. */
    @PUT
    @Path("/api/reply-templates/{id}")
    org.linkage.console.view.ReplyTemplateEdit editReplyTemplate(@PathParam("id") long id, Map<String, Object> template);

    @GET
    @Path("/api/reply-templates/{id}/versions")
    List<org.linkage.console.view.ReplyTemplateVersionEdit> replyTemplateVersions(@PathParam("id") long id);

    // The catalogue's per-category questions (分类必填项), edited by an administrator.
    @GET
    @Path("/api/categories/questions")
    List<org.linkage.console.view.QuestionSetEdit> questionSets();

    @GET
    @Path("/api/admin/catalogue/{categoryCode}/questions/versions")
    List<org.linkage.console.view.QuestionSetEdit> questionSetVersions(@PathParam("categoryCode") String categoryCode);

    /** {@code {questions: [...]}}: a new version of the category's questions. */
    @PUT
    @Path("/api/admin/catalogue/{categoryCode}/questions")
    org.linkage.console.view.QuestionSetEdit saveQuestionSet(@PathParam("categoryCode") String categoryCode,
                                                            Map<String, Object> questions);
}
