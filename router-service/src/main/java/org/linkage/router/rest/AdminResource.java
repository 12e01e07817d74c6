package org.linkage.router.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.core.MediaType;
import io.smallrye.health.api.Wellness;
import org.linkage.router.config.CalendarHealth;

import org.linkage.commons.problem.RequestParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.linkage.commons.problem.ProblemException;
import org.linkage.commons.security.CurrentActor;
import org.linkage.commons.security.Roles;
import org.linkage.router.service.AdminService;
import org.linkage.events.CategoryQuestion;
import org.linkage.router.service.CalendarService;
import org.linkage.router.service.CategoryQuestionService;
import org.linkage.router.service.ReferenceData;

import java.util.List;

/** Reference data: units, districts, the dispatch catalogue and the business calendar. Writes are admin-only. */
@Path("/api/admin")
@RolesAllowed(Roles.ADMIN)
public class AdminResource {
    static final String DEPARTMENT = """
            {"code": "510107-URBAN", "nameZh": "武侯区综合行政执法局",
             "nameEn": "Wuhou District Comprehensive Administrative Law Enforcement Bureau", "level": "DISTRICT",
             "parentCode": "510107-GOV", "districtCode": "510107", "adapter": "WEBHOOK",
             "endpointUrl": "https://wuhou.chengdu.example/linkage/tickets", "active": true,
             "updatedAt": "2026-11-20T02:00:00Z", "updatedBy": "admin1"}""";
    static final String DEPARTMENT_IN = """
            {"code": "510107-URBAN", "nameZh": "武侯区综合行政执法局",
             "nameEn": "Wuhou District Comprehensive Administrative Law Enforcement Bureau", "level": "DISTRICT",
             "parentCode": "510107-GOV", "districtCode": "510107", "adapter": "WEBHOOK",
             "endpointUrl": "https://wuhou.chengdu.example/linkage/tickets", "active": true}""";
    static final String DISTRICT = """
            {"code": "CD-TIANFU", "nameZh": "天府新区", "nameEn": "Tianfu New Area", "city": "成都市", "active": true,
             "streets": ["华阳街道", "兴隆街道", "正兴街道"], "aliases": ["天府新区"]}""";
    static final String RULE = """
            {"categoryCode": "WAGES", "version": 2, "leadKind": "MUNICIPAL", "leadDepartmentCode": "CD-HRSS",
             "leadFunction": null, "supporting": ["DISTRICT:GOV"], "defaultUrgency": "NORMAL", "signLimit": "1WD",
             "resolveLimit": "5WD", "callbackRequired": true, "current": true, "createdAt": "2026-11-20T02:00:00Z",
             "createdBy": "admin1", "attachmentRequired": false}""";
    static final String RULE_IN = """
            {"leadKind": "DISTRICT", "leadFunction": "URBAN", "supporting": ["CD-ECO"], "defaultUrgency": "NORMAL",
             "signLimit": "1WD", "resolveLimit": "3WD", "callbackRequired": false, "attachmentRequired": false}""";
    static final String QUESTIONS = """
            {"categoryCode": "WAGES", "version": 2, "questions": [
              {"code": "employer", "datatype": "TEXT", "required": true, "labelZh": "用工单位（欠薪单位）",
               "labelEn": "Employer owing the wages", "values": []},
              {"code": "amount", "datatype": "NUMBER", "required": false, "labelZh": "拖欠金额（元）",
               "labelEn": "Amount owed (yuan)", "values": []}],
             "createdAt": "2026-11-20T02:00:00Z", "createdBy": "admin1"}""";
    static final String QUESTIONS_IN = """
            {"questions": [
              {"code": "employer", "datatype": "TEXT", "required": true, "labelZh": "用工单位（欠薪单位）",
               "labelEn": "Employer owing the wages", "values": []},
              {"code": "amount", "datatype": "NUMBER", "required": false, "labelZh": "拖欠金额（元）",
               "labelEn": "Amount owed (yuan)", "values": []}]}""";
    static final String CALENDAR = """
            {"holidays": [{"date": "2027-01-01", "name": "元旦 New Year"}, {"date": "2027-02-06",
             "name": "春节 Spring Festival"}],
             "workdays": [{"date": "2027-02-14", "name": "春节调休 Spring Festival make-up day"}]}""";
    private final AdminService admin;
    private final CalendarService calendars;
    private final CalendarHealth calendarHealth;
    private final CurrentActor currentActor;

    private final CategoryQuestionService questions;

    public AdminResource(AdminService admin, CalendarService calendars, @Wellness CalendarHealth calendarHealth,
                         CurrentActor currentActor, CategoryQuestionService questions) {
        this.questions = questions;
        this.calendarHealth = calendarHealth;
        this.admin = admin;
        this.calendars = calendars;
        this.currentActor = currentActor;
    }

    @GET
    @Path("/departments")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.SUPERVISOR})
    @Operation(summary = "The units tickets go to (承办单位)", description = """
            Municipal bureaus, district governments and their units, with how each is reached. Roles: admin, dispatcher,
            supervisor.""")
    @APIResponse(responseCode = "200", description = "The units", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ReferenceData.DepartmentData.class),
            examples = @ExampleObject(name = "units", value = "[" + DEPARTMENT + "]")))
    public List<ReferenceData.DepartmentData> departments() {
        return admin.departments();
    }

    @POST
    @Path("/departments")
    @Operation(summary = "Add a unit (新增承办单位)", description = """
            A new unit tickets can be dispatched to; audited. Role: admin.""")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReferenceData.DepartmentData.class),
            examples = @ExampleObject(name = "unit", value = DEPARTMENT)))
    @APIResponse(responseCode = "400", description = "Invalid field, unknown parent unit or district, or no endpointUrl"
            + " for its adapter (errors[].field names it)")
    @APIResponse(responseCode = "409", description = "A unit with this code exists")
    public Response createDepartment(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReferenceData.DepartmentData.class),
                    examples = @ExampleObject(name = "unit", value = DEPARTMENT_IN)))
            @NotNull @Valid ReferenceData.DepartmentData body) {
        return Response.status(201).entity(admin.saveDepartment(body, true, currentActor.get("router-admin"))).build();
    }

    @PUT
    @Path("/departments/{code}")
    @Operation(summary = "Change a unit (修改承办单位)", description = """
            Names, parent, district, adapter, endpoint or active; the code in the body must match the path. Audited.
            Role: admin.""")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReferenceData.DepartmentData.class),
            examples = @ExampleObject(name = "unit", value = DEPARTMENT)))
    @APIResponse(responseCode = "400", description = "Invalid field, a code that does not match the path, unknown "
            + "parent unit or district, or no endpointUrl for its adapter")
    @APIResponse(responseCode = "404", description = "No such unit")
    public ReferenceData.DepartmentData updateDepartment(
            @Parameter(example = "510107-URBAN") @PathParam("code") String code,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReferenceData.DepartmentData.class),
                    examples = @ExampleObject(name = "unit", value = DEPARTMENT_IN)))
            @NotNull @Valid ReferenceData.DepartmentData body) {
        sameKey("code", code, body.code());
        return admin.saveDepartment(body, false, currentActor.get("router-admin"));
    }

    @GET
    @Path("/districts")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.SUPERVISOR})
    @Operation(summary = "The districts (区县)", description = """
            County-level units with their streets and the aliases callers use; intake follows this list. Roles: admin,
            dispatcher, supervisor.""")
    @APIResponse(responseCode = "200", description = "The districts", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ReferenceData.DistrictData.class),
            examples = @ExampleObject(name = "districts", value = "[" + DISTRICT + "]")))
    public List<ReferenceData.DistrictData> districts() {
        return admin.districts();
    }

    @POST
    @Path("/districts")
    @Operation(summary = "Add a district (新增区县)", description = """
            Announced to intake (linkage.districts), which accepts it from then on; audited. Role: admin.""")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferenceData.DistrictData.class),
            examples = @ExampleObject(name = "district", value = DISTRICT)))
    @APIResponse(responseCode = "400", description = "Invalid field (errors[].field names it)")
    @APIResponse(responseCode = "409", description = "A district with this code exists")
    public Response createDistrict(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReferenceData.DistrictData.class),
                    examples = @ExampleObject(name = "district", value = DISTRICT)))
            @NotNull @Valid ReferenceData.DistrictData body) {
        return Response.status(201).entity(admin.saveDistrict(body, true, currentActor.get("router-admin"))).build();
    }

    @PUT
    @Path("/districts/{code}")
    @Operation(summary = "Change a district (修改区县)", description = """
            Names, streets, aliases or active; the code in the body must match the path. Announced to intake, audited.
            Role: admin.""")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferenceData.DistrictData.class),
            examples = @ExampleObject(name = "district", value = DISTRICT)))
    @APIResponse(responseCode = "400", description = "Invalid field, or a code that does not match the path")
    @APIResponse(responseCode = "404", description = "No such district")
    public ReferenceData.DistrictData updateDistrict(@Parameter(example = "CD-TIANFU") @PathParam("code") String code,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReferenceData.DistrictData.class),
                    examples = @ExampleObject(name = "district", value = DISTRICT)))
            @NotNull @Valid ReferenceData.DistrictData body) {
        sameKey("code", code, body.code());
        return admin.saveDistrict(body, false, currentActor.get("router-admin"));
    }

    @GET
    @Path("/catalogue")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.SUPERVISOR})
    @Operation(summary = "The dispatch catalogue (派单目录)", description = """
            The current rule of every category: lead unit (or district function), supporting units, urgency and time
            limits. Roles: admin, dispatcher, supervisor.""")
    @APIResponse(responseCode = "200", description = "The current rules", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ReferenceData.RuleData.class),
            examples = @ExampleObject(name = "wages", value = "[" + RULE + "]")))
    public List<ReferenceData.RuleData> catalogue() {
        return admin.currentRules();
    }

    @GET
    @Path("/catalogue/{categoryCode}/versions")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.SUPERVISOR})
    @Operation(summary = "A category's rule versions (派单规则历史)", description = """
            Every version, oldest first; tickets keep the version they were dispatched under. Empty for an unknown
            category. Roles: admin, dispatcher, supervisor.""")
    @APIResponse(responseCode = "200", description = "The versions", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ReferenceData.RuleData.class),
            examples = @ExampleObject(name = "wages", value = "[" + RULE + "]")))
    @APIResponse(responseCode = "400", description = "categoryCode is not a category code")
    public List<ReferenceData.RuleData> versions(@PathParam("categoryCode") @Pattern(regexp = "[A-Z_]{2,40}") String category) {
        return admin.ruleVersions(category);
    }

    @PUT
    @Path("/catalogue/{categoryCode}")
    @Operation(summary = "Change a category's rule (修改派单规则)", description = """
            A new version becomes current; tickets already dispatched keep theirs. Time limits as 30M, 2H, 24H or 5WD
            (working days). Audited. Role: admin.""")
    @APIResponse(responseCode = "200", description = "The new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferenceData.RuleData.class),
            examples = @ExampleObject(name = "wages", value = RULE)))
    @APIResponse(responseCode = "400", description = "Invalid field, a categoryCode that does not match the path, an "
            + "unknown lead or supporting unit, or a time limit that does not parse")
    public ReferenceData.RuleData saveRule(
            @Parameter(example = "NOISE") @PathParam("categoryCode") @Pattern(regexp = "[A-Z_]{2,40}") String category,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReferenceData.RuleData.class),
                    examples = @ExampleObject(name = "noise", value = RULE_IN)))
            @NotNull @Valid ReferenceData.RuleData body) {
        if (body.categoryCode() != null) {
            sameKey("categoryCode", category, body.categoryCode());
        }
        return admin.saveRule(category, body, currentActor.get("router-admin"));
    }

    @GET
    @Path("/catalogue/{categoryCode}/questions/versions")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.SUPERVISOR})
    @Operation(summary = "A category's question versions (必填项历史)", description = """
            Every version of what the category asks, oldest first; empty when it never asked anything. Roles: admin,
            dispatcher, supervisor.""")
    @APIResponse(responseCode = "200", description = "The versions", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = CategoryQuestionService.QuestionSet.class),
            examples = @ExampleObject(name = "wages", value = "[" + QUESTIONS + "]")))
    @APIResponse(responseCode = "400", description = "categoryCode is not a category code")
    public List<CategoryQuestionService.QuestionSet> questionVersions(
            @PathParam("categoryCode") @Pattern(regexp = "[A-Z_]{2,40}") String category) {
        return questions.versions(category);
    }

    /** A new version of the category's questions (分类必填项), announced to intake; the bridge reads them for Open311. */
    @PUT
    @Path("/catalogue/{categoryCode}/questions")
    @Operation(summary = "Change a category's questions (修改必填项)", description = """
            A new version replaces the current one and is announced to intake (linkage.categories); the bridge reads it
            for Open311. Audited. Role: admin.""")
    @APIResponse(responseCode = "200", description = "The new version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CategoryQuestionService.QuestionSet.class),
            examples = @ExampleObject(name = "wages", value = QUESTIONS)))
    @APIResponse(responseCode = "400", description = "A question that does not fit: code, datatype, labels or choices "
            + "(errors[].field names each)")
    @APIResponse(responseCode = "404", description = "No such category in the dispatch catalogue")
    public CategoryQuestionService.QuestionSet saveQuestions(
            @Parameter(example = "WAGES") @PathParam("categoryCode") @Pattern(regexp = "[A-Z_]{2,40}") String category,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = QuestionsInput.class),
                    examples = @ExampleObject(name = "wages", value = QUESTIONS_IN)))
            @NotNull @Valid QuestionsInput body) {
        return questions.save(category, body.questions() == null ? List.of() : body.questions(),
                currentActor.get("router-admin"));
    }

    public record QuestionsInput(List<CategoryQuestion> questions) {
    }

    @GET
    @Path("/calendar/{year}")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.SUPERVISOR})
    @Operation(summary = "A year's working-day calendar (工作日历)", description = """
            Holidays and make-up working days (调休) of the year; every other weekday is a working day. Roles: admin,
            dispatcher, supervisor.""")
    @APIResponse(responseCode = "200", description = "The year's calendar", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferenceData.CalendarData.class),
            examples = @ExampleObject(name = "2027", value = CALENDAR)))
    @APIResponse(responseCode = "400", description = "year is not a year from 2000 to 2100")
    public ReferenceData.CalendarData calendar(@PathParam("year") String year) {
        return admin.calendar(RequestParams.integer("year", year, 0, 2000, 2100));
    }

    /** Which years' calendars are loaded and which are missing now (the December warning on the admin screens). */
    @GET
    @Path("/calendar-status")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.SUPERVISOR})
    @Operation(summary = "Calendar years loaded and missing (日历加载状态)", description = """
            This year must be loaded, and from December next year too (the December warning on the admin screens).
            Roles: admin, dispatcher, supervisor.""")
    @APIResponse(responseCode = "200", description = "Loaded and missing years", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarHealth.Status.class),
            examples = @ExampleObject(name = "december",
                    value = "{\"loadedYears\": [2026], \"missingYears\": [2027]}")))
    public CalendarHealth.Status calendarStatus() {
        return calendarHealth.status();
    }

    @PUT
    @Path("/calendar/{year}")
    @Operation(summary = "Load a year's calendar (加载工作日历)", description = """
            Replaces the year's holidays and make-up working days, as published each November; deadlines use it at once.
            Audited. Role: admin.""")
    @APIResponse(responseCode = "200", description = "The year's calendar as loaded", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReferenceData.CalendarData.class),
            examples = @ExampleObject(name = "2027", value = CALENDAR)))
    @APIResponse(responseCode = "400", description = "year out of range, or a day outside the year or listed twice "
            + "(errors[].field names it)")
    public ReferenceData.CalendarData loadCalendar(@Parameter(example = "2027") @PathParam("year") String year,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReferenceData.CalendarData.class),
                    examples = @ExampleObject(name = "2027", value = CALENDAR)))
            @NotNull @Valid ReferenceData.CalendarData body) {
        ReferenceData.CalendarData saved = admin.loadCalendar(RequestParams.integer("year", year, 0, 2000, 2100), body,
                currentActor.get("router-admin"));
        calendars.invalidate(); // after commit, so no other request caches the old year
        return saved;
    }

    private static void sameKey(String field, String path, String body) {
        if (!path.equals(body)) {
            throw ProblemException.badRequest(field, "must match the path (" + path + ")");
        }
    }
}
