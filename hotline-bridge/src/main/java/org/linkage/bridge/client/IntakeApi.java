package org.linkage.bridge.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Intake's classifier preview (role service): how would a call with this text be classified? */
@RegisterRestClient(configKey = "intake")
@OidcClientFilter
@Path("/api/classifications")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface IntakeApi {

    record PreviewRequest(String text, String title) {
    }

    record Preview(String disposition, String categoryCode, Double confidence, java.util.List<String> signals,
                   String modelVersion) {
    }

    @POST
    @Path("/preview")
    Preview preview(PreviewRequest request);
}
