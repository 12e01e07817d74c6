package org.linkage.console.rest;

import io.quarkus.arc.Arc;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;

/**
 * A page template with its data. Pages are looked up by name and rendered with what the resource passes: the
 * services' answers, read into the records of {@code org.linkage.console.view} (or, where not yet, into maps).
 */
final class View {
    private View() {
    }

    static TemplateInstance of(String template, Object... namesAndValues) {
        Engine engine = Arc.container().instance(Engine.class).get();
        var found = engine.getTemplate(template);
        if (found == null) {
            throw new IllegalStateException("no template " + template);
        }
        TemplateInstance page = found.instance();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            page.data((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return page;
    }
}
