package org.linkage.console.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.linkage.console.ui.Messages;
import org.linkage.console.ui.Ui;

/**
 * A form refused before any page ran: the CSRF check answers a bare 400 and logs only at DEBUG, so a form whose token
 * a later page renewed failed silently (the call form's preview stayed empty, its submit lost the call). Said in
 * words here, and logged.
 */
public class BareRefusals {
    private static final Logger LOG = Logger.getLogger(BareRefusals.class);

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 400 || response.hasEntity()) {
            return;
        }
        String method = request.getMethod();
        boolean form = !"GET".equals(method) && !"HEAD".equals(method);
        LOG.warnf("%s %s refused 400 before its page ran (%s)", method, request.getUriInfo().getPath(),
                form ? "the CSRF check: the form's token does not match the linkage-csrf-token cookie" : "bad request");
        String lang = Ui.current().lang();
        String title = form ? "error_form_expired" : "error_bad_request";
        response.setEntity(Problems.Templates.error(Messages.text(lang, title), Messages.text(lang, title + "_text"),
                null).render(), null, MediaType.TEXT_HTML_TYPE);
    }
}
