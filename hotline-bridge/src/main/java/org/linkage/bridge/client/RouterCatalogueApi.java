package org.linkage.bridge.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.linkage.events.CategoryQuestion;

import java.util.List;

/** The router's catalogue read API: the questions each category asks, for Open311 service definitions. */
@RegisterRestClient(configKey = "router")
@OidcClientFilter
@Path("/api/categories")
@Produces(MediaType.APPLICATION_JSON)
public interface RouterCatalogueApi {

    /** A category's questions (分类必填项) as the router's catalogue holds them. */
    record QuestionSet(String categoryCode, int version, List<CategoryQuestion> questions) {
    }

    @GET
    @Path("/questions")
    List<QuestionSet> questions();
}
