package org.linkage.bridge.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how the bridge may send each department's tickets: the bridge's own record, never what an event says.
 * A {@code TicketDispatched} still names the unit's adapter and endpoint (the router's catalogue), but a delivery
 * that would send a request goes ahead only when both agree with this directory; anything else is refused, so an
 * event from anyone who can write to Kafka cannot obtain a signed webhook (or an Open311 api_key) at a URL of its
 * choosing.
 *
 * <p>Entries {@code DEPT=ADAPTER URL;...} (adapter {@code WEBHOOK} or {@code OPEN311}); a URL ending in {@code *} admits
 * any path below it on the same scheme, host and port. Departments without an entry use the default template, the
 * city's department gateway, with {@code {code}} replaced by the department code (adapter {@code WEBHOOK}).
 */
public final class DepartmentDirectory {
    /** Department codes as the router issues them; anything else could steer a template's path. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,49}");

    /** One department's registered way in. */
    public record Route(Adapter adapter, String url) {
        boolean prefix() {
            return url.endsWith("*");
        }

        /** True when {@code candidate} is this route's URL, or lies under it for a prefix route. */
        boolean admits(String candidate) {
            if (!prefix()) {
                return url.equals(candidate);
            }
            URI base;
            URI target;
            try {
                base = new URI(url.substring(0, url.length() - 1));
                target = new URI(candidate);
            } catch (URISyntaxException e) {
                return false;
            }
            String path = target.getRawPath() == null ? "" : target.getRawPath();
            String lower = path.toLowerCase(Locale.ROOT);
            // A prefix must not be climbed out of: no dot segments, raw or percent-encoded, and no user info.
            if (target.getRawUserInfo() != null || target.getRawFragment() != null || lower.contains("%2e")
                    || lower.contains("%2f") || ("/" + path + "/").contains("/../") || ("/" + path + "/").contains("/./")) {
                return false;
            }
            return target.isAbsolute() && base.getScheme().equalsIgnoreCase(target.getScheme())
                    && base.getHost() != null && base.getHost().equalsIgnoreCase(target.getHost())
                    && base.getPort() == target.getPort()
                    && path.startsWith(base.getRawPath() == null ? "" : base.getRawPath());
        }
    }

    private final Map<String, Route> routes;
    private final String defaultTemplate;

    public DepartmentDirectory(Map<String, Route> routes, String defaultTemplate) {
        this.routes = Map.copyOf(routes);
        this.defaultTemplate = defaultTemplate == null || defaultTemplate.isBlank() ? null : defaultTemplate.trim();
    }

    /** Parses {@code DEPT=ADAPTER URL;...}; a malformed entry fails start-up rather than refusing deliveries later. */
    public static DepartmentDirectory parse(String entries, String defaultTemplate) {
        Map<String, Route> routes = new java.util.LinkedHashMap<>();
        KeyValueSpec.parse(entries).forEach((code, value) -> {
            String[] parts = value.trim().split("\\s+");
            Adapter adapter = parts.length == 2 ? Adapter.of(parts[0]) : Adapter.NONE;
            if (adapter == Adapter.NONE || !parts[1].matches("https?://\\S+")) {
                throw new IllegalArgumentException("department endpoint entries look like DEPT=WEBHOOK|OPEN311 URL, got '"
                        + code + "=" + value + "'");
            }
            routes.put(code, new Route(adapter, parts[1]));
        });
        if (defaultTemplate != null && !defaultTemplate.isBlank() && !defaultTemplate.trim().matches("https?://\\S+")) {
            throw new IllegalArgumentException("the default department endpoint must be an http(s) URL, got '"
                    + defaultTemplate + "'");
        }
        return new DepartmentDirectory(routes, defaultTemplate);
    }

    /** True when the bridge knows no way in for any unit: every delivery that would send is then refused. */
    public boolean empty() {
        return routes.isEmpty() && defaultTemplate == null;
    }

    /** The department's route: its own entry, else the gateway template; empty when the bridge knows no way in. */
    public Optional<Route> route(String departmentCode) {
        if (departmentCode == null || !CODE.matcher(departmentCode).matches()) {
            return Optional.empty();
        }
        Route own = routes.get(departmentCode);
        if (own != null) {
            return Optional.of(own);
        }
        return defaultTemplate == null ? Optional.empty()
                : Optional.of(new Route(Adapter.WEBHOOK, defaultTemplate.replace("{code}", departmentCode)));
    }

    /**
     * Why a request to {@code url} by {@code adapter} for the department must not be sent, or empty when the directory
     * admits it. The reason names what the bridge expected (URLs are not secrets), so a dispatcher can tell a forged
     * event from a catalogue change that has not reached the bridge yet.
     */
    public Optional<String> refusal(String departmentCode, Adapter adapter, String url) {
        Optional<Route> route = route(departmentCode);
        if (route.isEmpty()) {
            return Optional.of("department " + departmentCode + " has no endpoint in the bridge's directory");
        }
        Route expected = route.get();
        if (expected.adapter() != adapter) {
            return Optional.of("department " + departmentCode + " is reached by " + expected.adapter()
                    + " in the bridge's directory, not " + adapter);
        }
        if (url == null || !expected.admits(url)) {
            return Optional.of("endpoint " + url + " is not department " + departmentCode
                    + "'s endpoint in the bridge's directory (" + expected.url() + ")");
        }
        return Optional.empty();
    }
}
