package org.linkage.commons.evidence;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * An Open311 client's {@code media_url}, kept as a link and never fetched by Linkage: no server of ours ever
 * connects to an address a client chose, so there is nothing to forge a request through (SSRF). What is checked is
 * what a person who opens the link in the hotline's own network would otherwise walk into: only {@code https} on
 * the default port, no user name or password in it, and a public DNS name, never an IP address in any spelling
 * (dotted, decimal, hex, IPv6) nor a local-only name. The bridge drops a link that fails (the report is filed all the
 * same); the router, which keeps the link on the ticket and shows it in the console, checks it again and refuses it.
 */
public final class MediaLink {
    public static final int MAX_LENGTH = 2000;
    private static final List<String> LOCAL_SUFFIXES = List.of("localhost", ".local", ".localdomain", ".internal",
            ".intranet", ".lan", ".home", ".corp", ".home.arpa", ".arpa");

    private MediaLink() {
    }

    /** The link as it will be stored and shown; throws with the reason when it is not one to keep. */
    public static String check(String raw) {
        String s = raw.strip();
        if (s.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("media_url must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("media_url is not a URL");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("media_url must be an https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("media_url must not contain a user name or password");
        }
        if (uri.getPort() != -1 && uri.getPort() != 443) {
            throw new IllegalArgumentException("media_url must use the default https port");
        }
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("media_url must name a host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        String[] labels = host.split("\\.");
        String last = labels[labels.length - 1];
        // A top-level label of letters (or an IDN xn--) rules out every IP spelling a browser would accept.
        if (labels.length < 2 || !last.matches("[a-z]{2,63}|xn--[a-z0-9-]{1,59}")) {
            throw new IllegalArgumentException("media_url must name a public host by its DNS name, not an address");
        }
        for (String suffix : LOCAL_SUFFIXES) {
            if (host.equals(suffix.replaceFirst("^\\.", "")) || host.endsWith(suffix)) {
                throw new IllegalArgumentException("media_url must name a public host, not " + host);
            }
        }
        return uri.toASCIIString();
    }
}
