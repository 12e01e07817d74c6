package org.linkage.bridge.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * Writes GeoReport v2 bodies in the format named by the URL's extension. The spec defines the XML
 * element names; the JSON form uses the same names, as arrays of objects (the service definition is
 * the one single object).
 */
@ApplicationScoped
public class Open311Renderer {
    private final ObjectMapper json;

    public Open311Renderer(ObjectMapper json) {
        this.json = json;
    }

    public Response list(String format, int status, String root, String item, List<Map<String, Object>> items) {
        if (xml(format)) {
            StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
            out.append('<').append(root).append('>');
            items.forEach(i -> element(out, item, i));
            out.append("</").append(root).append('>');
            return Response.status(status).type("text/xml; charset=utf-8").entity(out.toString()).build();
        }
        return jsonResponse(status, items);
    }

    public Response object(String format, String root, Map<String, Object> value) {
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

    /** Maps become elements, lists repeat their item element (named by the singular of the list). */
    @SuppressWarnings("unchecked")
    private static void element(StringBuilder out, String name, Object value) {
        if (value == null) {
            out.append('<').append(name).append("/>");
            return;
        }
        out.append('<').append(name).append('>');
        if (value instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((k, v) -> element(out, k, v));
        } else if (value instanceof List<?> list) {
            String item = name.endsWith("s") ? name.substring(0, name.length() - 1) : name + "_item";
            list.forEach(v -> element(out, item, v));
        } else {
            escape(out, value.toString());
        }
        out.append("</").append(name).append('>');
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
