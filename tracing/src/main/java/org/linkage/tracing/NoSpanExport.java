package org.linkage.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupUnlessProperty;
import jakarta.inject.Singleton;

import java.util.Collection;

/**
 * Spans go nowhere unless {@code linkage.tracing.export} is true. Traces are still made and propagated (the ids reach
 * the logs, the outbox and every Kafka record and webhook, and the console's calls to the services), but nothing is
 * sent, so a service or console without a collector beside it (a laptop, the tests) logs no export failures. Its mere
 * presence is what switches Quarkus' own OTLP exporter off: Quarkus leaves OTLP out whenever a {@link SpanExporter}
 * bean can be looked up, and with the flag set this bean cannot.
 */
@Singleton
@LookupUnlessProperty(name = "linkage.tracing.export", stringValue = "true", lookupIfMissing = true)
public class NoSpanExport implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
