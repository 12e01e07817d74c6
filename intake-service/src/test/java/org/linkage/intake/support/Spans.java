package org.linkage.intake.support;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Keeps every finished span in memory, for the trace tests. As a {@link io.opentelemetry.sdk.trace.export.SpanExporter}
 * bean it is handed every span (Quarkus' "cdi" exporter), and nothing is exported anywhere else.
 */
public class Spans {
    @Produces
    @Singleton
    InMemorySpanExporter inMemorySpanExporter() {
        return InMemorySpanExporter.create();
    }
}
