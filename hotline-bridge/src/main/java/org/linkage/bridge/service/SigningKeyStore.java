package org.linkage.bridge.service;

import jakarta.enterprise.context.ApplicationScoped;
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

    /** The department's keys, or the default keys, or empty when the department cannot be signed for. */
    public Optional<SigningKeys> of(String departmentCode) {
        return Optional.ofNullable(byDepartment.getOrDefault(departmentCode, fallback));
    }
}
