package org.linkage.console.view;

import io.quarkus.qute.TemplateData;

import java.util.List;

/** One of the dispatcher's work lists: how many wait, and the first of them (tickets or clock requests). */
@TemplateData
public record WorkList(long total, List<?> items) {
    public static WorkList first(Page<?> page) {
        return new WorkList(page.total(), page.items());
    }

    public static WorkList all(List<?> all) {
        return new WorkList(all.size(), all);
    }
}
