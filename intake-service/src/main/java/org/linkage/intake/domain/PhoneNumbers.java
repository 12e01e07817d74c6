package org.linkage.intake.domain;

import java.util.Optional;

/**
 * Mainland China caller numbers in one normal form; the rules live in commons
 * ({@link org.linkage.commons.privacy.PhoneNumbers}) so every service normalises alike.
 */
public final class PhoneNumbers {
    private PhoneNumbers() {
    }

    /**
     * @return the number in normal form (mobile: 11 digits; landline: {@code 028-12345678}), or
     * empty when it is not a mainland number
     */
    public static Optional<String> normalise(String raw) {
        return org.linkage.commons.privacy.PhoneNumbers.normalise(raw);
    }

    public static boolean isValid(String raw) {
        return org.linkage.commons.privacy.PhoneNumbers.isValid(raw);
    }
}
