package org.linkage.intake.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimal RFC 4180 reader (quoted fields, doubled quotes, newlines inside quotes) so the classification package
 * stays free of libraries. Lines starting with '#' before the header are comments.
 */
public final class Csv {

    /** One data row, addressed by header name. */
    public record Row(Map<String, String> fields, int line) {
        /** @return the field, or null when the column is absent */
        public String get(String column) {
            return fields.get(column);
        }
    }

    private Csv() {
    }

    public static List<Row> read(Reader source) {
        try (BufferedReader in = new BufferedReader(source)) {
            List<List<String>> records = parse(in);
            int first = 0;
            while (first < records.size() && isCommentOrBlank(records.get(first))) {
                first++;
            }
            if (first == records.size()) {
                return List.of();
            }
            List<String> header = records.get(first).stream().map(h -> h.strip().replace("\uFEFF", "")).toList();
            List<Row> rows = new ArrayList<>();
            for (int i = first + 1; i < records.size(); i++) {
                List<String> record = records.get(i);
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                Map<String, String> fields = new HashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    fields.put(header.get(c), c < record.size() ? record.get(c) : "");
                }
                rows.add(new Row(fields, i + 1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A field quoted for CSV output when it needs it. */
    public static String quote(String field) {
        if (field == null) {
            return "";
        }
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static boolean isCommentOrBlank(List<String> record) {
        return record.isEmpty() || (record.size() == 1 && record.get(0).isBlank()) || record.get(0).startsWith("#");
    }

    private static List<List<String>> parse(BufferedReader in) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int ch;
        while ((ch = in.read()) != -1) {
            char c = (char) ch;
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            in.reset();
                        }
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0 && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                record.add(field.toString());
                records.add(record);
                record = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (field.length() > 0 || !record.isEmpty() || fieldStarted) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
