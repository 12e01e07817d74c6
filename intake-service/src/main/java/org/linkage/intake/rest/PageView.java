package org.linkage.intake.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkage.intake.service.Page;

import java.util.List;
import java.util.function.Function;

@Schema(name = "Page")
public record PageView<T>(List<T> items, @Schema(example = "0") int page, @Schema(example = "20") int size,
                          @Schema(example = "57") long total) {
    static <E, T> PageView<T> of(Page<E> found, Function<E, T> view) {
        return new PageView<>(found.items().stream().map(view).toList(), found.page(), found.size(), found.total());
    }
}
