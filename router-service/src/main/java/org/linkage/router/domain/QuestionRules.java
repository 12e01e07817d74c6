package org.linkage.router.domain;

import org.linkage.events.CategoryQuestion;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What makes a category's questions (分类必填项) a set intake, the console and Open311 clients can all ask: codes
 * that work as JSON keys and Open311 {@code attribute[code]} names, known datatypes, both labels, and choices for a
 * CHOICE question only.
 */
public final class QuestionRules {
    public static final int MAX_QUESTIONS = 20;
    private static final String CODE = "[a-z][A-Za-z0-9]{0,39}";
    private static final String KEY = "[A-Za-z0-9_-]{1,40}";

    private QuestionRules() {
    }

    /** Field (e.g. {@code questions[1].datatype}) to message, in order; empty when the set is fine. */
    public static Map<String, String> problems(List<CategoryQuestion> questions) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (questions.size() > MAX_QUESTIONS) {
            out.put("questions", "最多" + MAX_QUESTIONS + "项 / at most " + MAX_QUESTIONS + " questions");
            return out;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            CategoryQuestion q = questions.get(i);
            String at = "questions[" + i + "]";
            if (q == null) {
                out.put(at, "不能为空 / must not be null");
                continue;
            }
            if (q.code() == null || !q.code().matches(CODE)) {
                out.put(at + ".code", "字母开头的字母数字，最长40 / a letter then letters or digits, at most 40");
            } else if (!codes.add(q.code())) {
                out.put(at + ".code", "重复 / used twice: " + q.code());
            }
            if (q.datatype() == null || !CategoryQuestion.DATATYPES.contains(q.datatype())) {
                out.put(at + ".datatype", "须为 / must be one of " + CategoryQuestion.DATATYPES);
            }
            if (blank(q.labelZh()) || q.labelZh().length() > 100) {
                out.put(at + ".labelZh", "必填，最长100 / required, at most 100 characters");
            }
            if (blank(q.labelEn()) || q.labelEn().length() > 100) {
                out.put(at + ".labelEn", "必填，最长100 / required, at most 100 characters");
            }
            boolean choice = CategoryQuestion.CHOICE.equals(q.datatype());
            if (choice && q.values().isEmpty()) {
                out.put(at + ".values", "选择题至少一个选项 / a CHOICE question needs at least one value");
            } else if (!choice && !q.values().isEmpty()) {
                out.put(at + ".values", "只有选择题有选项 / only a CHOICE question has values");
            }
            Set<String> keys = new HashSet<>();
            List<CategoryQuestion.Choice> values = new ArrayList<>(q.values());
            for (int j = 0; j < values.size(); j++) {
                CategoryQuestion.Choice c = values.get(j);
                String vat = at + ".values[" + j + "]";
                if (c == null || c.key() == null || !c.key().matches(KEY) || !keys.add(c.key())) {
                    out.put(vat + ".key", "须为不重复的字母数字 / a unique key of letters, digits, _ or -");
                } else if (blank(c.nameZh()) || blank(c.nameEn())) {
                    out.put(vat + ".nameZh", "中英文名称必填 / both names are required");
                }
            }
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
