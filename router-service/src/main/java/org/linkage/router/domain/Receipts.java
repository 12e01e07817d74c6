package org.linkage.router.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of receipts: who can get one (a mainland mobile number, not opted out), what it says (templates are
 * data, {@code receipts/templates.properties}, one per kind and language) and when a failed attempt is retried.
 */
public final class Receipts {
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final Properties templates;

    public Receipts(Properties templates) {
        this.templates = templates;
    }

    /** The number to text, or empty: landlines cannot receive a text, and an opted-out caller gets none. */
    public static Optional<String> mobileOf(String phone, boolean optedOut) {
        if (optedOut || phone == null) {
            return Optional.empty();
        }
        String digits = phone.replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /**
     * The message of {@code kind} in {@code language} (falling back to Chinese). A ticket without a retrieval code
     * uses the template suffixed {@code .no-code}, which cannot point to the case look-up.
     */
    public String render(ReceiptKind kind, String language, Map<String, String> values) {
        boolean withCode = values.get("retrievalCode") != null;
        String key = kind.name() + (withCode ? "" : ".no-code");
        String template = templates.getProperty(key + "." + language, templates.getProperty(key + ".zh"));
        if (template == null) {
            throw new IllegalStateException("no receipt template " + key + ".zh");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Delay before attempt {@code attempt + 1}: {@code base} doubling, at most {@code max}. */
    public static Duration backoff(int attempt, Duration base, Duration max) {
        long factor = 1L << Math.min(Math.max(attempt - 1, 0), 20);
        Duration d = base.multipliedBy(factor);
        return d.compareTo(max) > 0 ? max : d;
    }
}
