package org.linkage.commons.privacy;

/** Masks personal data for views that do not need it in full. */
public final class Masking {
    private Masking() {
    }

    /**
     * Masks the digits of any phone-like value, whatever its shape: 13812345678 → 138****5678,
     * 1381234-5678 → 138****-5678, 028-12345678 → 028-****5678 (the area code says only the city),
     * +86 138 1234 5678 → +86 1** **** 5678. Separators stay where they are. Of 7 to 10 digits only the
     * last 4 show, of 5 or 6 digits the last 2, and of 4 or fewer none; a value without digits is kept.
     */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        int digits = 0;
        for (int i = 0; i < phone.length(); i++) {
            if (Character.isDigit(phone.charAt(i))) {
                digits++;
            }
        }
        if (digits == 0) {
            return phone;
        }
        int tail = digits >= 7 ? 4 : digits >= 5 ? 2 : 0;
        int head = digits >= 11 ? 3 : 0;
        // A landline's area code (0xx- or 0xxx-) before the first separator names a city, not a person.
        var area = java.util.regex.Pattern.compile("^(0\\d{2,3})[^0-9]").matcher(phone);
        if (area.find() && digits >= 9) {
            head = area.group(1).length();
        }
        StringBuilder out = new StringBuilder(phone.length());
        int index = 0;
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (Character.isDigit(c)) {
                out.append(index < head || index >= digits - tail ? c : '*');
                index++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** 张三丰 → 张**: the family name is enough to greet a caller back. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
    }
}
