package org.linkage.intake.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkage.commons.security.Roles;
import org.linkage.intake.classification.Category;
import org.linkage.intake.classification.Classification;
import org.linkage.intake.classification.Classifier;
import org.linkage.intake.classification.Disposition;
import org.linkage.events.CategoryQuestion;
import org.linkage.intake.service.CategoryQuestionDirectory;
import org.linkage.intake.classification.Taxonomy;
import org.linkage.intake.domain.District;
import org.linkage.intake.service.DistrictDirectory;

import java.util.Collection;
import java.util.List;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Classification", description = "分类与参考数据 / Classification and reference data")
public class ClassificationResource {
    private final Classifier classifier;
    private final Taxonomy taxonomy;
    private final DistrictDirectory districts;

    private final CategoryQuestionDirectory questions;

    public ClassificationResource(Classifier classifier, Taxonomy taxonomy, DistrictDirectory districts,
                                  CategoryQuestionDirectory questions) {
        this.questions = questions;
        this.classifier = classifier;
        this.taxonomy = taxonomy;
        this.districts = districts;
    }

    @Schema(name = "ClassificationPreview")
    /** @param questions what the suggested category asks (分类必填项), so a console can show the fields at once */
    public record Preview(@Schema(example = "NON_POLICE") String disposition, @Schema(example = "NOISE") String categoryCode,
                          @Schema(example = "0.91") double confidence, List<String> signals, String modelVersion,
                          List<CategoryQuestion> questions) {
    }

    @POST
    @Path("/classifications/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CALL_TAKER, Roles.OFFICER, Roles.BRIDGE_SERVICE})
    @Operation(summary = "Classify a text (实时分类预览)", description = """
            Classifies as the call-taker types, so a console can show the suggestion live. Writes nothing.""")
    public Preview preview(@NotNull @Valid PreviewRequest request) {
        Classification c = classifier.classify(request.title(), request.text());
        return new Preview(c.disposition().name(), c.categoryCode(), c.confidence(), c.signals(), c.modelVersion(),
                c.disposition() == Disposition.POLICE ? List.of() : questions.of(c.categoryCode()));
    }

    @GET
    @Path("/categories")
    @RolesAllowed({Roles.CALL_TAKER, Roles.OFFICER, Roles.DEPT_AGENT, Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN,
            Roles.BRIDGE_SERVICE})
    @Operation(summary = "The category taxonomy (类别)", description = "Police and non-police categories with their domain.")
    public List<Category> categories() {
        return taxonomy.all();
    }

    @GET
    @Path("/categories/{code}/questions")
    @RolesAllowed({Roles.CALL_TAKER, Roles.OFFICER, Roles.DEPT_AGENT, Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN,
            Roles.BRIDGE_SERVICE})
    @Operation(summary = "A category's questions (分类必填项)", description = """
            What a call of this category is asked, as the router (their owner) last announced it on
            linkage.categories; empty for a category that asks nothing.""")
    public List<CategoryQuestion> questions(@PathParam("code") @jakarta.validation.constraints.Pattern(regexp = "[A-Z_]{2,40}") String code) {
        if (taxonomy.byCode(code).isEmpty()) {
            throw org.linkage.commons.problem.ProblemException.notFound("未知类别 / unknown category " + code);
        }
        return questions.of(code);
    }

    @GET
    @Path("/districts")
    @RolesAllowed({Roles.CALL_TAKER, Roles.OFFICER, Roles.DEPT_AGENT, Roles.DISPATCHER, Roles.SUPERVISOR, Roles.ADMIN,
            Roles.BRIDGE_SERVICE})
    @Operation(summary = "The city's districts (区县)", description = "Codes accepted as districtCode.")
    public Collection<District> districts() {
        return districts.accepted();
    }
}
