package org.linkage.bridge.rest;

import jakarta.ws.rs.core.MultivaluedMap;
import org.linkage.bridge.service.Open311Exception;
import org.linkage.events.CategoryAnswers;
import org.linkage.events.CategoryQuestion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalogue's questions in GeoReport v2 terms: service-definition {@code attributes} out, {@code attribute[code]}
 * form fields in. Datatypes: TEXT is {@code string}, NUMBER {@code number}, DATE {@code datetime} (a date, as
 * {@code datatype_description} says), CHOICE {@code singlevaluelist}.
 */
final class Open311Attributes {
    private static final Pattern FIELD = Pattern.compile("attribute\\[([^\\]]{1,60})]");

    private Open311Attributes() {
    }

    static List<Open311Views.Attribute> definitions(List<CategoryQuestion> questions) {
        List<Open311Views.Attribute> out = new ArrayList<>();
        int order = 1;
        for (CategoryQuestion q : questions) {
            String datatype = switch (q.datatype()) {
                case CategoryQuestion.NUMBER -> "number";
                case CategoryQuestion.DATE -> "datetime";
                case CategoryQuestion.CHOICE -> "singlevaluelist";
                default -> "string";
            };
            String datatypeDescription = switch (q.datatype()) {
                case CategoryQuestion.NUMBER -> "数字 / a number, e.g. 20000";
                case CategoryQuestion.DATE -> "日期 yyyy-MM-dd / a date such as 2026-11-28";
                case CategoryQuestion.CHOICE -> "选择一项的key / the key of one value";
                default -> "文字 / text";
            };
            List<Open311Views.Value> values = q.values().isEmpty() ? null : q.values().stream()
                    .map(c -> new Open311Views.Value(c.key(), c.nameZh() + " " + c.nameEn())).toList();
            out.add(new Open311Views.Attribute(true, q.code(), datatype, q.required(), datatypeDescription, order++,
                    q.labelZh() + " / " + q.labelEn(), values));
        }
        return out;
    }

    /** The {@code attribute[code]} fields of a form, by code. */
    static Map<String, String> answers(MultivaluedMap<String, String> form) {
        Map<String, String> out = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            Matcher m = FIELD.matcher(name);
            if (m.matches() && values != null && !values.isEmpty()) {
                if (values.size() > 1) {
                    throw Open311Exception.badRequest(name + " is given more than once; every attribute takes one value");
                }
                out.put(m.group(1), values.get(0));
            }
        });
        return out;
    }

    /** Refuses (400, in GeoReport's error shape) answers that do not fit, naming the form field. */
    static void check(List<CategoryQuestion> questions, Map<String, String> answers) {
        CategoryAnswers.Result r = CategoryAnswers.check(questions, answers, true);
        if (!r.ok()) {
            CategoryAnswers.Error e = r.errors().get(0);
            String field = e.field().startsWith("attributes.")
                    ? "attribute[" + e.field().substring("attributes.".length()) + "]" : "attribute";
            throw Open311Exception.badRequest(field + ": " + e.message());
        }
    }
}
