package org.linkage.router.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkage.commons.security.Roles;
import org.linkage.router.service.CategoryQuestionService;

import java.util.List;

/**
 * The questions each category asks (分类必填项), for every role and for the bridge (Open311 service definitions).
 * Administrators change them under {@code /api/admin/catalogue/{code}/questions}.
 */
@Path("/api/categories")
@RolesAllowed({Roles.CALL_TAKER, Roles.OFFICER, Roles.DEPT_AGENT, Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN,
        Roles.BRIDGE_SERVICE})
public class CategoryResource {
    static final String WAGES = """
            {"categoryCode": "WAGES", "version": 1, "questions": [
              {"code": "employer", "datatype": "TEXT", "required": false, "labelZh": "用工单位（欠薪单位）",
               "labelEn": "Employer owing the wages", "values": []},
              {"code": "amount", "datatype": "NUMBER", "required": false, "labelZh": "拖欠金额（元）",
               "labelEn": "Amount owed (yuan)", "values": []}],
             "createdAt": "2026-11-01T00:00:00Z", "createdBy": "flyway"}""";
    static final String UTILITIES = """
            {"categoryCode": "UTILITIES", "version": 1, "questions": [
              {"code": "utility", "datatype": "CHOICE", "required": false, "labelZh": "故障类型", "labelEn": "Utility",
               "values": [{"key": "WATER", "nameZh": "供水", "nameEn": "Water"},
                          {"key": "POWER", "nameZh": "供电", "nameEn": "Electricity"},
                          {"key": "GAS", "nameZh": "燃气", "nameEn": "Gas"}]}],
             "createdAt": "2026-11-01T00:00:00Z", "createdBy": "flyway"}""";
    private final CategoryQuestionService questions;

    public CategoryResource(CategoryQuestionService questions) {
        this.questions = questions;
    }

    @GET
    @Path("/questions")
    @Operation(summary = "各类别必填项 / The current questions of every category that has any", description = """
            Roles: call-taker, officer, dept-agent, dispatcher, supervisor, admin, bridge service.""")
    @APIResponse(responseCode = "200", description = "The current question sets", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = CategoryQuestionService.QuestionSet.class),
            examples = @ExampleObject(name = "questions", value = "[" + WAGES + ", " + UTILITIES + "]")))
    public List<CategoryQuestionService.QuestionSet> all() {
        return questions.all();
    }

    @GET
    @Path("/{categoryCode}/questions")
    @Operation(summary = "类别必填项 / A category's current questions (version 0 and none when it asks nothing)",
            description = """
            Roles: call-taker, officer, dept-agent, dispatcher, supervisor, admin, bridge service.""")
    @APIResponse(responseCode = "200", description = "The category's questions", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CategoryQuestionService.QuestionSet.class),
            examples = @ExampleObject(name = "wages", value = WAGES)))
    @APIResponse(responseCode = "400", description = "categoryCode is not a category code")
    @APIResponse(responseCode = "404", description = "No such category in the dispatch catalogue")
    public CategoryQuestionService.QuestionSet of(@PathParam("categoryCode") @Pattern(regexp = "[A-Z_]{2,40}") String code) {
        return questions.of(code);
    }
}
