package org.linkage.events;

import java.util.List;

/**
 * One extra field a category asks for (分类必填项), as the router's catalogue, its one owner, defines it: the unpaid
 * amount and the employer of a wage claim, the account number of a utility fault.
 *
 * @param code     the answer's key in {@code attributes} ({@code amount}); letters and digits, starting with a letter
 * @param datatype {@code TEXT}, {@code NUMBER}, {@code DATE} (yyyy-MM-dd) or {@code CHOICE}
 * @param values   the choices of a {@code CHOICE} question (empty for the other types)
 */
public record CategoryQuestion(String code, String datatype, boolean required, String labelZh, String labelEn,
                               List<Choice> values) {

    /** A choice's key is what the answer carries; its names are what people read. */
    public record Choice(String key, String nameZh, String nameEn) {
    }

    public static final String TEXT = "TEXT";
    public static final String NUMBER = "NUMBER";
    public static final String DATE = "DATE";
    public static final String CHOICE = "CHOICE";
    public static final List<String> DATATYPES = List.of(TEXT, NUMBER, DATE, CHOICE);

    public CategoryQuestion {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
