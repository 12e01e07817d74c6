package org.linkage.commons.privacy;

/** Masks personal data for views that do not need it in full. */
public final class Masking {
    private Masking() {
    }

    /** 13812345678 → 138****5678; 028-12345678 → 028-****5678 (the area code says only the city). */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        int dash = phone.indexOf('-');
        if (dash > 0) {
            String subscriber = phone.substring(dash + 1);
            int keep = Math.min(4, subscriber.length());
            return phone.substring(0, dash + 1) + "*".repeat(subscriber.length() - keep)
                    + subscriber.substring(subscriber.length() - keep);
        }
        int n = phone.length();
        if (n <= 4) {
            return "*".repeat(n);
        }
        int head = n >= 11 ? 3 : Math.min(2, n - 4);
        return phone.substring(0, head) + "*".repeat(n - head - 4) + phone.substring(n - 4);
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
