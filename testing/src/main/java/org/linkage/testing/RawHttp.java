package org.linkage.testing;

import io.restassured.path.json.JsonPath;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One HTTP/1.1 request sent as written, for request targets that HTTP clients refuse to send (a
 * malformed percent-encoding such as {@code ?text=%%%}), as an attacker's tool would send them.
 */
public final class RawHttp {
    private RawHttp() {
    }

    public record Response(int status, String contentType, String body) {
    }

    /**
     * Sends the target as written (a malformed percent-encoding survives, which no HTTP client allows) and asserts
     * the answer is a 400 problem+json (RFC 9457) whose first error names {@code field}.
     */
    public static void assertProblemNaming(int port, String target, String field) {
        Response r = get(port, target);
        assertEquals(400, r.status(), target);
        assertTrue(r.contentType() != null && r.contentType().startsWith("application/problem+json"),
                target + " answered " + r.contentType() + ": " + r.body());
        JsonPath problem = JsonPath.from(r.body());
        assertEquals(400, problem.getInt("status"));
        assertEquals(field, problem.getString("errors[0].field"));
    }

    public static Response get(int port, String target) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: */*\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String contentType = null;
            boolean chunked = false;
            for (String line : lines) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    contentType = line.substring(line.indexOf(':') + 1).strip();
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            return new Response(status, contentType, chunked ? unchunk(body) : body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(i, eol).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
