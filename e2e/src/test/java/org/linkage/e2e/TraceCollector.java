package org.linkage.e2e;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A stand-in OpenTelemetry collector: takes OTLP/HTTP trace exports ({@code POST /v1/traces}, protobuf) from every
 * service of the stack and keeps each span's service, ids, name and kind. It reads only the few fields it needs off
 * the protobuf wire format, so the test needs no protobuf classes and no collector binary.
 */
final class TraceCollector implements AutoCloseable {
    /** One exported span; ids in lower-case hex, as in a traceparent. {@code kind} as OTLP numbers it (2 = server). */
    record Span(String service, String traceId, String spanId, String parentSpanId, String name, int kind) {
    }

    static final int SERVER = 2;
    static final int CLIENT = 3;
    static final int PRODUCER = 4;
    static final int CONSUMER = 5;

    private final HttpServer server;
    private final List<Span> spans = new ArrayList<>();

    private TraceCollector(HttpServer server) {
        this.server = server;
    }

    static TraceCollector start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TraceCollector collector = new TraceCollector(server);
            server.createContext("/v1/traces", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                int status = 200;
                try {
                    collector.add(parse(body));
                } catch (RuntimeException e) {
                    status = 400;
                }
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return collector;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized List<Span> spans() {
        return List.copyOf(spans);
    }

    List<Span> trace(String traceId) {
        return spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    private synchronized void add(List<Span> more) {
        spans.addAll(more);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
    // Resource { repeated KeyValue attributes = 1; }  KeyValue { string key = 1; AnyValue value = 2; }
    // AnyValue { string string_value = 1; ... }       ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
    // Span { bytes trace_id = 1; bytes span_id = 2; string trace_state = 3; bytes parent_span_id = 4; string name = 5;
    //        SpanKind kind = 6; ... }
    static List<Span> parse(byte[] request) {
        List<Span> out = new ArrayList<>();
        for (Field resourceSpans : fields(request)) {
            if (resourceSpans.number != 1) {
                continue;
            }
            String service = null;
            List<byte[]> scopes = new ArrayList<>();
            for (Field f : fields(resourceSpans.bytes)) {
                if (f.number == 1) {
                    for (Field attribute : fields(f.bytes)) {
                        if (attribute.number == 1) {
                            String key = null;
                            String value = null;
                            for (Field kv : fields(attribute.bytes)) {
                                if (kv.number == 1) {
                                    key = kv.text();
                                } else if (kv.number == 2) {
                                    for (Field any : fields(kv.bytes)) {
                                        if (any.number == 1) {
                                            value = any.text();
                                        }
                                    }
                                }
                            }
                            if ("service.name".equals(key)) {
                                service = value;
                            }
                        }
                    }
                } else if (f.number == 2) {
                    scopes.add(f.bytes);
                }
            }
            for (byte[] scope : scopes) {
                for (Field f : fields(scope)) {
                    if (f.number != 2) {
                        continue;
                    }
                    String traceId = null, spanId = null, parent = "", name = null;
                    int kind = 0;
                    for (Field s : fields(f.bytes)) {
                        switch (s.number) {
                            case 1 -> traceId = HexFormat.of().formatHex(s.bytes);
                            case 2 -> spanId = HexFormat.of().formatHex(s.bytes);
                            case 4 -> parent = HexFormat.of().formatHex(s.bytes);
                            case 5 -> name = s.text();
                            case 6 -> kind = (int) s.varint;
                            default -> { }
                        }
                    }
                    out.add(new Span(service, traceId, spanId, parent, name, kind));
                }
            }
        }
        return out;
    }

    /** One field of a protobuf message: varints and length-delimited values are all these messages use. */
    private record Field(int number, long varint, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static List<Field> fields(byte[] message) {
        List<Field> fields = new ArrayList<>();
        int[] at = {0};
        while (at[0] < message.length) {
            long tag = varint(message, at);
            int number = (int) (tag >>> 3);
            switch ((int) (tag & 7)) {
                case 0 -> fields.add(new Field(number, varint(message, at), null));
                case 1 -> at[0] += 8;
                case 2 -> {
                    int length = (int) varint(message, at);
                    byte[] value = java.util.Arrays.copyOfRange(message, at[0], at[0] + length);
                    at[0] += length;
                    fields.add(new Field(number, 0, value));
                }
                case 5 -> at[0] += 4;
                default -> throw new IllegalArgumentException("unsupported wire type in field " + number);
            }
        }
        return fields;
    }

    private static long varint(byte[] message, int[] at) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = message[at[0]++];
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("malformed varint");
    }
}
