package org.linkage.intake.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "Page")
public record PageView<T>(List<T> items, @Schema(example = "0") int page, @Schema(example = "20") int size,
                          @Schema(example = "57") long total) {
}
