package org.linkage.commons.problem;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.common.AbstractConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * Switches off Vert.x's early URI check ({@code vertx.disableURIValidation}), which answers a malformed
 * URI with a bare, empty 400 before any route runs; {@link MalformedUriFilter} makes the same check and
 * answers problem+json naming the parameter. Quarkus reads that switch once, as a system property, when
 * its HTTP layer first loads, which is after configuration is set up: so the switch is set by this
 * (otherwise empty) configuration source, which Quarkus loads first. An explicit
 * {@code -Dvertx.disableURIValidation=false} is left alone.
 */
@StaticInitSafe
public class UriValidationSwitch extends AbstractConfigSource {
    static final String PROPERTY = "vertx.disableURIValidation";

    static {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }

    public UriValidationSwitch() {
        super("linkage-uri-validation-switch", Integer.MIN_VALUE);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        return null;
    }
}
