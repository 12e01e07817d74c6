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
import org.linkage.console.view.AnsweredContact;
import org.linkage.console.view.Appeal;
import org.linkage.console.view.CategoryAnswer;
import org.linkage.console.view.ClockRequest;
import org.linkage.console.view.ConsultationRequest;
import org.linkage.console.view.Department;
import org.linkage.console.view.DispatchRule;
import org.linkage.console.view.DistrictDetail;
import org.linkage.console.view.DuplicateCandidate;
import org.linkage.console.view.ExtensionRequest;
import org.linkage.console.view.FirstContactRow;
import org.linkage.console.view.HolidayCalendar;
import org.linkage.console.view.Hotspot;
import org.linkage.console.view.KnowledgeArticle;
import org.linkage.console.view.KnowledgeArticleSummary;
import org.linkage.console.view.KnowledgeHit;
import org.linkage.console.view.MonthlyTheme;
import org.linkage.console.view.Page;
import org.linkage.console.view.Ranking;
import org.linkage.console.view.ReplyTemplate;
import org.linkage.console.view.StatisticsRow;
import org.linkage.console.view.Ticket;
import org.linkage.console.view.TicketActionResult;
import org.linkage.console.view.TicketAppeals;
import org.linkage.console.view.TicketAttachment;

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
    List<ConsultationRequest> consultations(@QueryParam("status") String status, @QueryParam("size") int size);

    /** {@code {accept, reason, categoryCode}}. */
    @POST
    @Path("/api/consultations/{id}/decision")
    ConsultationRequest decideConsultation(@PathParam("id") String id, Map<String, Object> body);

    @GET
    @Path("/api/tickets")
    Page<Ticket> tickets(@QueryParam("status") String status, @QueryParam("categoryCode") String categoryCode,
                         @QueryParam("districtCode") String districtCode,
                         @QueryParam("departmentCode") String departmentCode,
                         @QueryParam("duplicates") Boolean duplicates, @QueryParam("sort") String sort,
                         @QueryParam("pendingExtension") Boolean pendingExtension, @QueryParam("state") String state,
                         @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/api/tickets/{ref}")
    Ticket ticket(@PathParam("ref") String ref);

    /** The answers to the category's questions the ticket was made with, labelled. */
    @GET
    @Path("/api/tickets/{ref}/attributes")
    List<CategoryAnswer> ticketAttributes(@PathParam("ref") String ref);

    /** The answering unit's reply templates for the ticket's category, filled in (preview). */
    @GET
    @Path("/api/tickets/{ref}/reply-templates")
    List<ReplyTemplate> replyTemplates(@PathParam("ref") String ref);

    @GET
    @Path("/api/tickets/{ref}/extensions")
    List<ExtensionRequest> extensions(@PathParam("ref") String ref);

    /** The ticket's clock requests (挂起 / 挂账 / 终止办理) and their decisions. */
    @GET
    @Path("/api/tickets/{ref}/clock-requests")
    List<ClockRequest> clockRequests(@PathParam("ref") String ref);

    /** Clock requests awaiting a decision, oldest first; {@code kind} pause, park or terminate (all when null). */
    @GET
    @Path("/api/clock-requests")
    List<ClockRequest> pendingClockRequests(@QueryParam("kind") String kind, @QueryParam("size") int size);

    @GET
    @Path("/api/tickets/{ref}/duplicates")
    List<DuplicateCandidate> duplicates(@PathParam("ref") String ref);

    /** The ticket's evidence (photos, recordings, documents), as the router lists it for this reader. */
    @GET
    @Path("/api/tickets/{ref}/attachments")
    List<TicketAttachment> attachments(@PathParam("ref") String ref);

    /** One file as the raw body; the router sniffs its type and strips its metadata. */
    @POST
    @Path("/api/tickets/{ref}/attachments")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    TicketAttachment uploadAttachment(@PathParam("ref") String ref, @QueryParam("fileName") String fileName,
                                      byte[] content);

    /** The file with the router's headers (type, disposition); a refusal throws as every other call does. */
    @GET
    @Path("/api/tickets/{ref}/attachments/{id}")
    @Produces(MediaType.WILDCARD)
    jakarta.ws.rs.core.Response attachment(@PathParam("ref") String ref, @PathParam("id") String id);

    /** Every lifecycle action: {@code sign}, {@code progress}, {@code reply}, {@code callback}, ... with its body. */
    @POST
    @Path("/api/tickets/{ref}/{action}")
    TicketActionResult act(@PathParam("ref") String ref, @PathParam("action") String action, Map<String, Object> body);

    @POST
    @Path("/api/tickets/{ref}/extensions/{id}/decision")
    ExtensionRequest decideExtension(@PathParam("ref") String ref, @PathParam("id") String id,
                                     Map<String, Object> decision);

    @GET
    @Path("/api/statistics")
    List<StatisticsRow> statistics(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
                                   @QueryParam("to") String to);

    @GET
    @Path("/api/statistics")
    @Produces("text/csv")
    String statisticsCsv(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
                         @QueryParam("to") String to, @QueryParam("format") String format);

    @GET
    @Path("/api/statistics/hotspots")
    List<Hotspot> hotspots(@QueryParam("all") Boolean all);

    @GET
    @Path("/api/admin/departments")
    List<Department> departments();

    @POST
    @Path("/api/admin/departments")
    Department createDepartment(Map<String, Object> department);

    @PUT
    @Path("/api/admin/departments/{code}")
    Department updateDepartment(@PathParam("code") String code, Map<String, Object> department);

    @GET
    @Path("/api/admin/districts")
    List<DistrictDetail> districts();

    @POST
    @Path("/api/admin/districts")
    DistrictDetail createDistrict(Map<String, Object> district);

    @PUT
    @Path("/api/admin/districts/{code}")
    DistrictDetail updateDistrict(@PathParam("code") String code, Map<String, Object> district);

    @GET
    @Path("/api/admin/catalogue")
    List<DispatchRule> catalogue();

    @GET
    @Path("/api/admin/catalogue/{category}/versions")
    List<DispatchRule> catalogueVersions(@PathParam("category") String category);

    @PUT
    @Path("/api/admin/catalogue/{category}")
    DispatchRule saveRule(@PathParam("category") String category, Map<String, Object> rule);

    @GET
    @Path("/api/admin/calendar/{year}")
    HolidayCalendar calendar(@PathParam("year") String year);

    @PUT
    @Path("/api/admin/calendar/{year}")
    HolidayCalendar saveCalendar(@PathParam("year") String year, Map<String, Object> calendar);

    @GET
    @Path("/api/knowledge/search")
    List<KnowledgeHit> searchKnowledge(@QueryParam("q") String q, @QueryParam("categoryCode") String categoryCode,
                                       @QueryParam("limit") Integer limit);

    @POST
    @Path("/api/knowledge/suggestions")
    List<KnowledgeHit> knowledgeSuggestions(Map<String, Object> call, @QueryParam("limit") Integer limit);

    @GET
    @Path("/api/knowledge/articles")
    Page<KnowledgeArticleSummary> knowledgeArticles(@QueryParam("status") String status,
                                                    @QueryParam("departmentCode") String departmentCode,
                                                    @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/api/knowledge/articles/{id}")
    KnowledgeArticle knowledgeArticle(@PathParam("id") String id);

    @POST
    @Path("/api/knowledge/articles")
    KnowledgeArticle createKnowledgeArticle(Map<String, Object> article);

    @PUT
    @Path("/api/knowledge/articles/{id}")
    KnowledgeArticle editKnowledgeArticle(@PathParam("id") String id, Map<String, Object> article);

    @GET
    @Path("/api/knowledge/articles/{id}/versions")
    List<KnowledgeArticle.Version> knowledgeVersions(@PathParam("id") String id);

    @GET
    @Path("/api/knowledge/articles/{id}/versions/{version}")
    KnowledgeArticle.Version knowledgeVersion(@PathParam("id") String id, @PathParam("version") String version);

    @POST
    @Path("/api/knowledge/articles/{id}/versions/{version}/submission")
    KnowledgeArticle submitKnowledgeVersion(@PathParam("id") String id, @PathParam("version") String version);

    @POST
    @Path("/api/knowledge/articles/{id}/versions/{version}/review")
    KnowledgeArticle reviewKnowledgeVersion(@PathParam("id") String id, @PathParam("version") String version,
                                            Map<String, Object> review);

    @POST
    @Path("/api/contacts/answered")
    AnsweredContact answerContact(@jakarta.ws.rs.HeaderParam("Idempotency-Key") String idempotencyKey,
                                  Map<String, Object> contact);

    @GET
    @Path("/api/contacts/answered/{number}")
    AnsweredContact answeredContact(@PathParam("number") String number);

    @GET
    @Path("/api/statistics/first-contact")
    List<FirstContactRow> firstContact(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
                                       @QueryParam("to") String to);

    /** The router's own word on whether this or next year's calendar is missing (December warning). */
    @GET
    @Path("/api/admin/calendar-status")
    HolidayCalendar.Status calendarStatus();

    // Assessment (考核): the monthly ranking, appeals (申诉) and the themes of the month (每月一题).
    @GET
    @Path("/api/assessment/rankings")
    Ranking rankings(@QueryParam("month") String month);

    /** The ranking as the router writes it for a spreadsheet or for print: {@code format} csv or html. */
    @GET
    @Path("/api/assessment/rankings")
    @Produces({"text/csv", "text/html"})
    String rankingsAs(@QueryParam("month") String month, @QueryParam("format") String format);

    @GET
    @Path("/api/tickets/{ref}/appeals")
    TicketAppeals ticketAppeals(@PathParam("ref") String ref);

    @POST
    @Path("/api/tickets/{ref}/appeals")
    Appeal fileAppeal(@PathParam("ref") String ref, Map<String, Object> appeal);

    @GET
    @Path("/api/assessment/appeals")
    List<Appeal> appeals(@QueryParam("status") String status, @QueryParam("month") String month,
                         @QueryParam("size") int size);

    @POST
    @Path("/api/assessment/appeals/{id}/decision")
    Appeal decideAppeal(@PathParam("id") String id, Map<String, Object> decision);

    @GET
    @Path("/api/assessment/themes")
    List<MonthlyTheme> themes(@QueryParam("month") String month);

    @GET
    @Path("/api/assessment/themes/suggestions")
    List<MonthlyTheme.Suggestion> themeSuggestions(@QueryParam("month") String month);

    @POST
    @Path("/api/assessment/themes")
    MonthlyTheme flagTheme(Map<String, Object> theme);

    @GET
    @Path("/api/assessment/themes/{id}")
    MonthlyTheme theme(@PathParam("id") String id);

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
