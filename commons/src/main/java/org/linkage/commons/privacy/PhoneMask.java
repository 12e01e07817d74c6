package org.linkage.commons.privacy;

/** Masks phone numbers for roles that do not need them: 13812345678 → 138****5678. */
public final class PhoneMask {
    private PhoneMask() {
    }

    public static String mask(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String digits = phone.strip();
        int n = digits.length();
        if (n <= 4) {
            return "*".repeat(n);
        }
        int keepHead = n >= 11 ? 3 : Math.min(2, n - 4);
        int keepTail = 4;
        return digits.substring(0, keepHead) + "*".repeat(n - keepHead - keepTail) + digits.substring(n - keepTail);
    }
}
