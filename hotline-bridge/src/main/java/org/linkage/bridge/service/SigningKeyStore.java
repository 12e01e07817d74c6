package org.linkage.bridge.service;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.linkage.bridge.config.BridgeConfig;
import org.linkage.bridge.domain.SigningKeys;

import java.util.Map;
import java.util.Optional;

/** The webhook keys per department, read once from configuration (secrets come from the environment). */
@ApplicationScoped
public class SigningKeyStore {
    private final Map<String, SigningKeys> byDepartment;
    private final SigningKeys fallback;

    public SigningKeyStore(BridgeConfig config) {
        this.byDepartment = SigningKeys.parse(config.signing().keys().orElse(null));
        this.fallback = config.signing().defaultKeys()
                .map(SigningKeys::of)
                .orElse(null);
    }

    /**
     * Keys to sign an outgoing delivery with: the department's own, or the default keys, or empty when
     * the department cannot be signed for.
     */
    public Optional<SigningKeys> of(String departmentCode) {
        return Optional.ofNullable(byDepartment.getOrDefault(departmentCode, fallback));
    }

    /**
     * Keys that authenticate a department's inbound webhook: only its own. The default keys are shared by
     * every department without one, so accepting them would let any holder speak for any department.
     */
    public Optional<SigningKeys> inbound(String departmentCode) {
        return Optional.ofNullable(byDepartment.get(departmentCode));
    }

    /** Production has no committed keys: starting without any would dead-letter every webhook delivery. */
    void check(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.NORMAL && empty()) {
            throw new IllegalStateException("No webhook signing keys configured: set LINKAGE_BRIDGE_SIGNING_KEYS "
                    + "(DEPT=current[|previous];...) and/or LINKAGE_BRIDGE_SIGNING_DEFAULT_KEYS from the secret store.");
        }
    }

    /** True when neither per-department nor default keys are configured: no webhook delivery can be signed. */
    public boolean empty() {
        return byDepartment.isEmpty() && fallback == null;
    }
}
