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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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

    // Lists have no schema of their own to carry an example, so the answer shows one (as the taxonomy and the
    // Chengdu districts file ship them).
    static final String CATEGORIES_EXAMPLE = """
            [{"code":"CRIME","nameZh":"刑事犯罪","nameEn":"Crime","domain":null,"police":true},
             {"code":"WAGES","nameZh":"欠薪与劳动纠纷","nameEn":"Wages and labour","domain":"劳动和社会保障","police":false}]""";
    static final String QUESTIONS_EXAMPLE = """
            [{"code":"employer","datatype":"TEXT","required":false,"labelZh":"用工单位（欠薪单位）",
              "labelEn":"Employer owing the wages","values":[]}]""";
    static final String DISTRICTS_EXAMPLE = """
            [{"code":"510104","nameZh":"锦江区","nameEn":"Jinjiang District"},
             {"code":"510105","nameZh":"青羊区","nameEn":"Qingyang District"}]""";

    @Schema(name = "ClassificationPreview", example = """
            {"disposition": "NON_POLICE", "categoryCode": "NOISE", "confidence": 0.91,
             "signals": ["事项:噪声", "事项:装修"], "modelVersion": "nb-2026.11.28",
             "questions": []}""")
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
            Classifies as the call-taker types, so a console can show the suggestion live. Writes nothing.
            角色 / roles: call-taker, officer, bridge service.""")
    @APIResponse(responseCode = "400", description = "No text, or text or title too long (problem+json naming the "
            + "field)")
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
    @APIResponse(responseCode = "200", description = "The taxonomy", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = Category.class),
            examples = @ExampleObject(name = "categories", value = CATEGORIES_EXAMPLE)))
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
    @APIResponse(responseCode = "200", description = "The category's questions", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = CategoryQuestion.class),
            examples = @ExampleObject(name = "wages", value = QUESTIONS_EXAMPLE)))
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
    @APIResponse(responseCode = "200", description = "The districts accepted", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = District.class),
            examples = @ExampleObject(name = "districts", value = DISTRICTS_EXAMPLE)))
    public Collection<District> districts() {
        return districts.accepted();
    }
}
