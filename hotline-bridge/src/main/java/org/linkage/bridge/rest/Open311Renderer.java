package org.linkage.bridge.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Writes GeoReport v2 bodies in the format named by the URL's extension. The spec defines the XML
 * element names; the JSON form uses the same names, as arrays of objects (the service definition is
 * the one single object). The bodies are the records of {@link Open311Views}.
 */
@ApplicationScoped
public class Open311Renderer {
    private final ObjectMapper json;

    public Open311Renderer(ObjectMapper json) {
        this.json = json;
    }

    public Response list(String format, int status, String root, String item, List<? extends Record> items) {
        if (xml(format)) {
            StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
            out.append('<').append(root).append('>');
            items.forEach(i -> element(out, item, i));
            out.append("</").append(root).append('>');
            return Response.status(status).type("text/xml; charset=utf-8").entity(out.toString()).build();
        }
        return jsonResponse(status, items);
    }

    public Response object(String format, String root, Record value) {
        if (xml(format)) {
            StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
            element(out, root, value);
            return Response.ok(out.toString(), "text/xml; charset=utf-8").build();
        }
        return jsonResponse(200, value);
    }

    public static boolean xml(String format) {
        return "xml".equalsIgnoreCase(format);
    }

    private Response jsonResponse(int status, Object body) {
        try {
            return Response.status(status).type("application/json; charset=utf-8")
                    .entity(json.writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Open311 body is not serialisable", e);
        }
    }

    /**
     * Records become elements named as Jackson names their components (so both forms say the same), lists repeat
     * their item element (named by the singular of the list).
     */
    private static void element(StringBuilder out, String name, Object value) {
        if (value == null) {
            out.append('<').append(name).append("/>");
            return;
        }
        out.append('<').append(name).append('>');
        if (value instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                Object v = valueOf(c, r);
                JsonInclude include = c.getAccessor().getAnnotation(JsonInclude.class);
                if (v == null && include != null && include.value() == JsonInclude.Include.NON_NULL) {
                    continue;
                }
                JsonProperty property = c.getAccessor().getAnnotation(JsonProperty.class);
                element(out, property == null ? c.getName() : property.value(), v);
            }
        } else if (value instanceof List<?> list) {
            String item = name.endsWith("s") ? name.substring(0, name.length() - 1) : name + "_item";
            list.forEach(v -> element(out, item, v));
        } else {
            escape(out, value.toString());
        }
        out.append("</").append(name).append('>');
    }

    private static Object valueOf(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Open311 body " + r.getClass().getSimpleName() + " is not readable", e);
        }
    }

    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // Characters XML 1.0 cannot carry at all are dropped rather than breaking the document.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
    }
}
