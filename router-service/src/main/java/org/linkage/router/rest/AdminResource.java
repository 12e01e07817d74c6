package org.linkage.router.rest;

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
    public List<ReferenceData.DepartmentData> departments() {
        return admin.departments();
    }

    @POST
    @Path("/departments")
    public Response createDepartment(@NotNull @Valid ReferenceData.DepartmentData body) {
        return Response.status(201).entity(admin.saveDepartment(body, true, currentActor.get("router-admin"))).build();
    }

    @PUT
    @Path("/departments/{code}")
    public ReferenceData.DepartmentData updateDepartment(@PathParam("code") String code,
                                                         @NotNull @Valid ReferenceData.DepartmentData body) {
        sameKey("code", code, body.code());
        return admin.saveDepartment(body, false, currentActor.get("router-admin"));
    }

    @GET
    @Path("/districts")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.SUPERVISOR})
    public List<ReferenceData.DistrictData> districts() {
        return admin.districts();
    }

    @POST
    @Path("/districts")
    public Response createDistrict(@NotNull @Valid ReferenceData.DistrictData body) {
        return Response.status(201).entity(admin.saveDistrict(body, true, currentActor.get("router-admin"))).build();
    }

    @PUT
    @Path("/districts/{code}")
    public ReferenceData.DistrictData updateDistrict(@PathParam("code") String code,
                                                     @NotNull @Valid ReferenceData.DistrictData body) {
        sameKey("code", code, body.code());
        return admin.saveDistrict(body, false, currentActor.get("router-admin"));
    }

    @GET
    @Path("/catalogue")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.SUPERVISOR})
    public List<ReferenceData.RuleData> catalogue() {
        return admin.currentRules();
    }

    @GET
    @Path("/catalogue/{categoryCode}/versions")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.SUPERVISOR})
    public List<ReferenceData.RuleData> versions(@PathParam("categoryCode") @Pattern(regexp = "[A-Z_]{2,40}") String category) {
        return admin.ruleVersions(category);
    }

    @PUT
    @Path("/catalogue/{categoryCode}")
    public ReferenceData.RuleData saveRule(@PathParam("categoryCode") @Pattern(regexp = "[A-Z_]{2,40}") String category,
                                           @NotNull @Valid ReferenceData.RuleData body) {
        if (body.categoryCode() != null) {
            sameKey("categoryCode", category, body.categoryCode());
        }
        return admin.saveRule(category, body, currentActor.get("router-admin"));
    }

    @GET
    @Path("/catalogue/{categoryCode}/questions/versions")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.SUPERVISOR})
    public List<CategoryQuestionService.QuestionSet> questionVersions(
            @PathParam("categoryCode") @Pattern(regexp = "[A-Z_]{2,40}") String category) {
        return questions.versions(category);
    }

    /** A new version of the category's questions (分类必填项), announced to intake; the bridge reads them for Open311. */
    @PUT
    @Path("/catalogue/{categoryCode}/questions")
    public CategoryQuestionService.QuestionSet saveQuestions(
            @PathParam("categoryCode") @Pattern(regexp = "[A-Z_]{2,40}") String category,
            @NotNull @Valid QuestionsInput body) {
        return questions.save(category, body.questions() == null ? List.of() : body.questions(),
                currentActor.get("router-admin"));
    }

    public record QuestionsInput(List<CategoryQuestion> questions) {
    }

    @GET
    @Path("/calendar/{year}")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.SUPERVISOR})
    public ReferenceData.CalendarData calendar(@PathParam("year") String year) {
        return admin.calendar(RequestParams.integer("year", year, 0, 2000, 2100));
    }

    /** Which years' calendars are loaded and which are missing now (the December warning on the admin screens). */
    @GET
    @Path("/calendar-status")
    @RolesAllowed({Roles.ADMIN, Roles.DISPATCHER, Roles.SUPERVISOR})
    public CalendarHealth.Status calendarStatus() {
        return calendarHealth.status();
    }

    @PUT
    @Path("/calendar/{year}")
    public ReferenceData.CalendarData loadCalendar(@PathParam("year") String year,
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
