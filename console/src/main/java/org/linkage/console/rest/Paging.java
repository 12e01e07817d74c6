package org.linkage.console.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/** Adds the previous and next page numbers (null at either end) to a service's page envelope. */
final class Paging {
    private Paging() {
    }

    static Map<String, Object> withLinks(Map<String, Object> envelope) {
        Map<String, Object> page = new LinkedHashMap<>(envelope);
        int number = ((Number) page.getOrDefault("page", 0)).intValue();
        int size = ((Number) page.getOrDefault("size", 20)).intValue();
        long total = ((Number) page.getOrDefault("total", 0)).longValue();
        page.put("prevPage", number > 0 ? number - 1 : null);
        page.put("nextPage", (long) (number + 1) * size < total ? number + 1 : null);
        return page;
    }
}
