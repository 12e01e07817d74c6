package org.linkage.intake.support;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.Set;

/**
 * Gives the test identity {@value #USER} a bearer token that expires {@value #SECONDS} s after it is
 * authenticated, as a real OIDC token would carry in its {@code exp} claim. Only for that user, and
 * only where a test names this augmentor in {@code @TestSecurity(augmentors = ...)}.
 */
@ApplicationScoped
public class ShortLivedToken implements SecurityIdentityAugmentor {
    public static final String USER = "calltaker-short-token";
    public static final int SECONDS = 2;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !USER.equals(identity.getPrincipal().getName())) {
            return Uni.createFrom().item(identity);
        }
        long exp = Instant.now().plusSeconds(SECONDS).getEpochSecond();
        JsonWebToken token = new JsonWebToken() {
            @Override
            public String getName() {
                return USER;
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("sub", "exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claim) {
                return (T) switch (claim) {
                    case "sub" -> USER;
                    case "exp" -> (Object) exp;
                    default -> null;
                };
            }
        };
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).setPrincipal(token).build());
    }
}
