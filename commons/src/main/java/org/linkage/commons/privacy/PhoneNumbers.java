package org.linkage.commons.privacy;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mainland China caller numbers: mobiles (1[3-9]xxxxxxxxx), landlines with area code
 * (0xx-xxxxxxxx or 0xxx-xxxxxxx), either with a +86 / 0086 prefix. Numbers are stored in one
 * normal form so the same caller matches across calls; every service normalises a number where it
 * enters (calls, Open311, the integration API, hand-backs).
 */
public final class PhoneNumbers {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s()\\-]");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    // Area codes are 010, 02x, or 0 + 3 digits; subscriber numbers 7 or 8 digits.
    private static final Pattern LANDLINE = Pattern.compile("(010|02\\d)(\\d{8})|(0[3-9]\\d{2})(\\d{7,8})");

    private PhoneNumbers() {
    }

    /**
     * @return the number in normal form (mobile: 11 digits; landline: {@code 028-12345678}), or
     * empty when it is not a mainland number
     */
    public static Optional<String> normalise(String raw) {
        if (raw == null || raw.length() > 32) {
            return Optional.empty();
        }
        String n = SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (n.startsWith("+86")) {
            n = n.substring(3);
        } else if (n.startsWith("0086")) {
            n = n.substring(4);
        }
        if (MOBILE.matcher(n).matches()) {
            return Optional.of(n);
        }
        // With a country prefix the trunk 0 is dropped (+86 28 ...): put it back.
        if (!n.startsWith("0") && !n.isEmpty() && raw.strip().matches("^(\\+86|0086).*")) {
            n = "0" + n;
        }
        var landline = LANDLINE.matcher(n);
        if (landline.matches()) {
            String area = landline.group(1) != null ? landline.group(1) : landline.group(3);
            String subscriber = landline.group(2) != null ? landline.group(2) : landline.group(4);
            return Optional.of(area + "-" + subscriber);
        }
        return Optional.empty();
    }

    public static boolean isValid(String raw) {
        return normalise(raw).isPresent();
    }

    /** The normal form where {@code raw} is a mainland number, else {@code raw} unchanged (stripped). */
    public static String normalisedOrAsGiven(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return normalise(raw).orElse(raw.strip());
    }
}
