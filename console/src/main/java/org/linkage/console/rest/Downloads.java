package org.linkage.console.rest;

import jakarta.ws.rs.core.Response;

/**
 * A file a service serves, passed on to the browser with the service's type and name, never sniffed or run by the
 * browser and never cached: evidence is personal data, and a file may pretend to be a page.
 */
final class Downloads {
    private Downloads() {
    }

    static Response passThrough(Response served) {
        byte[] content = served.readEntity(byte[].class);
        return Response.ok(content, served.getMediaType())
                .header("Content-Disposition", served.getHeaderString("Content-Disposition"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
