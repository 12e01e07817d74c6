package org.linkage.bridge.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.linkage.bridge.domain.CaseCodes;

/**
 * The retrieval codes' key, checked at start-up: there is no packaged key, so a deployment without
 * {@code LINKAGE_BRIDGE_CASE_CODE_KEY} refuses to start rather than hash codes under a known one.
 */
public class CaseCodesProducer {
    @Produces
    @Singleton
    @Startup
    CaseCodes caseCodes(BridgeConfig config) {
        return new CaseCodes(config.caseCodeKey().orElse(""));
    }
}
