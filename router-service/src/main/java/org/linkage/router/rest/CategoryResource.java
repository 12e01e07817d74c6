package org.linkage.router.rest;

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
    private final CategoryQuestionService questions;

    public CategoryResource(CategoryQuestionService questions) {
        this.questions = questions;
    }

    @GET
    @Path("/questions")
    @Operation(summary = "各类别必填项 / The current questions of every category that has any")
    public List<CategoryQuestionService.QuestionSet> all() {
        return questions.all();
    }

    @GET
    @Path("/{categoryCode}/questions")
    @Operation(summary = "类别必填项 / A category's current questions (version 0 and none when it asks nothing)")
    public CategoryQuestionService.QuestionSet of(@PathParam("categoryCode") @Pattern(regexp = "[A-Z_]{2,40}") String code) {
        return questions.of(code);
    }
}
