package org.linkage.console.ui;

import io.quarkus.arc.Arc;
import io.quarkus.oidc.IdToken;
import io.quarkus.qute.TemplateData;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Locale;

/**
 * The person and the language of this request. Language: the {@code lang} cookie the switch sets, else the
 * browser's Accept-Language (English only when it prefers English), else Chinese.
 */
@RequestScoped
@TemplateData
public class Ui {
    public static final String LANG_COOKIE = "linkage-lang";
    /** The roles in the order a home console is chosen for a person who holds several. */
    public static final List<String> ROLE_ORDER = List.of("call-taker", "officer", "dept-agent", "dispatcher",
            "supervisor", "admin");

    @Inject
    SecurityIdentity identity;
    @Inject
    @IdToken
    JsonWebToken idToken;
    @Inject
    HttpServerRequest request;
    @Inject
    io.vertx.ext.web.RoutingContext routing;

    private String lang;

    public static Ui current() {
        return Arc.container().instance(Ui.class).get();
    }

    public String lang() {
        if (lang == null) {
            lang = resolveLang();
        }
        return lang;
    }

    /** BCP 47 tag for the page's {@code lang} attribute (fonts pick Simplified Chinese glyphs from it). */
    public String htmlLang() {
        return "en".equals(lang()) ? "en" : "zh-Hans";
    }

    public String otherLang() {
        return "en".equals(lang()) ? "zh" : "en";
    }

    /**
     * The CSRF token for htmx's requests, or blank where no form can be sent (an error page drawn before the
     * CSRF filter ran, such as a refusal of another role's page).
     */
    public String csrf() {
        Object token = routing == null ? null : routing.get("csrf_token");
        return token == null ? "" : token.toString();
    }

    public String t(String key) {
        return Messages.text(lang(), key);
    }

    public boolean signedIn() {
        return identity != null && !identity.isAnonymous();
    }

    public String username() {
        return signedIn() ? identity.getPrincipal().getName() : "";
    }

    /** Display name from the ID token (family then given name, as Chinese names are written), else the login. */
    public String displayName() {
        if (!signedIn()) {
            return "";
        }
        try {
            String family = idToken.getClaim("family_name");
            String given = idToken.getClaim("given_name");
            if (family != null && !family.isBlank()) {
                return family;
            }
            if (given != null && !given.isBlank()) {
                return given;
            }
        } catch (RuntimeException noIdToken) {
            // fall through to the login name
        }
        return username();
    }

    public boolean has(String role) {
        return signedIn() && identity.hasRole(role);
    }

    public List<String> roles() {
        return ROLE_ORDER.stream().filter(this::has).toList();
    }

    public String roleLabels() {
        return String.join(" · ", roles().stream().map(r -> Messages.label(lang(), "role", r)).toList());
    }

    /** The unit code of a department agent, from the access token's {@code department} claim. */
    public String department() {
        if (!signedIn()) {
            return null;
        }
        Object claim = identity.getAttribute("department");
        if (claim != null) {
            return claim.toString();
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object d = jwt.getClaim("department");
            return d == null ? null : d.toString();
        }
        return null;
    }

    private String resolveLang() {
        Cookie cookie = request == null ? null : request.getCookie(LANG_COOKIE);
        if (cookie != null && Messages.LANGUAGES.contains(cookie.getValue())) {
            return cookie.getValue();
        }
        String accept = request == null ? null : request.getHeader("Accept-Language");
        if (accept != null && !accept.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(accept)) {
                    String tag = range.getRange().toLowerCase(Locale.ROOT);
                    if (tag.startsWith("zh")) {
                        return "zh";
                    }
                    if (tag.startsWith("en")) {
                        return "en";
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed header is no preference
            }
        }
        return "zh";
    }
}
