package org.linkage.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.linkage.console.view.PublicCase;

/**
 * The bridge's public case look-up, called with no token at all (no {@link UserToken}): the caller on the public
 * page has no account, and a signed-in person's token has no business there either. The console forwards the
 * caller's address so the bridge limits each caller, not the console; the bridge believes it only when its
 * {@code quarkus.http.proxy.trusted-proxies} include the console, and otherwise counts every caller as the console.
 */
@RegisterRestClient(configKey = "bridge")
@RegisterProvider(ProblemMapper.class)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface PublicCaseApi {
    @POST
    @Path("/api/public/cases/lookup")
    PublicCase lookup(Requests.CaseLookup request, @HeaderParam("X-Forwarded-For") String callerAddress);
}
