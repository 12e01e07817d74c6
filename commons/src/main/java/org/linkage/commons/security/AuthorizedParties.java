package org.linkage.commons.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/**
 * Accepts a bearer token only when it was issued to one of the clients that may call this service
 * ({@code linkage.security.authorized-parties}, matched against the token's {@code azp}). The audience check
 * ({@code quarkus.oidc.token.audience}) already refuses tokens not meant for the service; this also refuses a client
 * that has gained the audience some other way (Keycloak adds a client to {@code aud} when a user holds one of its
 * client roles), so a new client in the realm reaches no service until it is named here. Unset: no check (the console,
 * whose own login is its only caller). The refusal is a 401, as for any token the service does not accept.
 */
@ApplicationScoped
public class AuthorizedParties implements SecurityIdentityAugmentor {
    private static final Logger LOG = Logger.getLogger(AuthorizedParties.class);

    private final Optional<List<String>> allowed;

    public AuthorizedParties(@ConfigProperty(name = "linkage.security.authorized-parties") Optional<List<String>> allowed) {
        this.allowed = allowed;
    }

    /** Before any other augmentor, so it judges the token as the issuer made it. */
    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (allowed.isEmpty() || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        Object azp = jwt.getClaim("azp");
        String party = azp == null ? null : azp.toString().replace("\"", "");
        if (party == null || !allowed.get().contains(party)) {
            LOG.debugf("token of client %s refused: this service accepts tokens of %s only", party, allowed.get());
            return Uni.createFrom().failure(new AuthenticationFailedException("token not issued to an authorized client"));
        }
        return Uni.createFrom().item(identity);
    }
}
