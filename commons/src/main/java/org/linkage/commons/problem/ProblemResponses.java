package org.linkage.commons.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.List;
import java.util.Map;

/**
 * Every failure an operation names in {@code /q/openapi} ({@code @APIResponse(responseCode = "4xx")}) is answered as
 * {@code application/problem+json} by {@link ProblemMappers}; this filter says so in the document, with the
 * {@link Problem} schema and an example, so a resource names its failures by code and description only and no
 * resource repeats the body's shape. Registered for every service by {@code mp.openapi.filter} in commons' config.
 */
public class ProblemResponses implements OASFilter {
    static final String SCHEMA = "Problem";
    static final Map<String, Object> EXAMPLE = Map.of("title", "Invalid request", "status", 400,
            "detail", "districtCode: 未知区县代码 / unknown district code 510199",
            "errors", List.of(Map.of("field", "districtCode", "message", "未知区县代码 / unknown district code 510199")));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean used = false;
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() == null) {
                continue;
            }
            for (Operation op : item.getOperations().values()) {
                if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
                    continue;
                }
                for (var r : op.getResponses().getAPIResponses().entrySet()) {
                    if (isFailure(r.getKey()) && noContent(r.getValue())) {
                        r.getValue().setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                                OASFactory.createMediaType().schema(OASFactory.createSchema()
                                        .ref("#/components/schemas/" + SCHEMA))));
                        used = true;
                    }
                }
            }
        }
        if (used) {
            Components components = openAPI.getComponents() != null ? openAPI.getComponents()
                    : OASFactory.createComponents();
            components.addSchema(SCHEMA, schema());
            openAPI.setComponents(components);
        }
    }

    private static boolean isFailure(String code) {
        return code != null && (code.startsWith("4") || code.startsWith("5"));
    }

    private static boolean noContent(APIResponse response) {
        return response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty();
    }

    private static Schema schema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("请求中出错的字段（JSON 路径）或参数 / the field at fault, as a JSON path, or a parameter"))
                .addProperty("message", text);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 问题详情 / problem details; extension members (e.g. currentStatus on a 409) at the top level")
                .addProperty("type", text)
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("instance", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
                .examples(List.of(EXAMPLE));
    }
}
