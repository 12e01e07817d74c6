package org.linkage.console.client;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.util.Map;

/** Turns a service's error answer into a {@link ServiceProblem} with the problem document's words. */
public class ProblemMapper implements ResponseExceptionMapper<ServiceProblem> {
    @Override
    public ServiceProblem toThrowable(Response response) {
        Map<String, Object> body = Map.of();
        try {
            response.bufferEntity();
            @SuppressWarnings("unchecked")
            Map<String, Object> read = response.readEntity(Map.class);
            if (read != null) {
                body = read;
            }
        } catch (RuntimeException notJson) {
            // a bare status (a proxy, a 401 from the token check) still becomes a problem with its status
        }
        String title = body.get("title") == null ? Response.Status.fromStatusCode(response.getStatus()) == null
                ? "HTTP " + response.getStatus() : Response.Status.fromStatusCode(response.getStatus()).getReasonPhrase()
                : String.valueOf(body.get("title"));
        String detail = body.get("detail") == null ? null : String.valueOf(body.get("detail"));
        return new ServiceProblem(response.getStatus(), title, detail, ServiceProblem.fieldErrorsOf(body.get("errors")), body);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
