package org.linkage.console.view;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;

import java.util.List;

/** A service's page envelope (intake's and the router's have the same shape), with the links either side. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page<T>(List<T> items, int page, int size, long total) {
    public Page {
        items = items == null ? List.of() : items;
    }

    /** The previous page's number, null on the first. */
    public Integer prevPage() {
        return page > 0 ? page - 1 : null;
    }

    /** The next page's number, null on the last. */
    public Integer nextPage() {
        return (long) (page + 1) * size < total ? page + 1 : null;
    }
}
