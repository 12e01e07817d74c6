package org.linkage.console.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Every word the consoles show, in Chinese (the working language) and English. One file per language under
 * {@code i18n/}; a key missing from one of them fails {@code MessagesTest}, so no screen is half translated.
 */
public final class Messages {
    public static final List<String> LANGUAGES = List.of("zh", "en");
    private static final Map<String, Map<String, String>> BUNDLES = load();

    private Messages() {
    }

    public static Map<String, String> of(String lang) {
        return BUNDLES.getOrDefault(lang, BUNDLES.get("zh"));
    }

    /** The text for {@code key}, or the key itself in brackets so a gap is visible, never a blank. */
    public static String text(String lang, String key) {
        String value = of(lang).get(key);
        return value != null ? value : "[" + key + "]";
    }

    /** A code's label ({@code status_SIGNED}); an unknown code shows as itself. */
    public static String label(String lang, String group, Object code) {
        if (code == null) {
            return "";
        }
        String value = of(lang).get(group + "_" + code);
        return value != null ? value : String.valueOf(code);
    }

    private static Map<String, Map<String, String>> load() {
        Map<String, Map<String, String>> bundles = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            String resource = "/i18n/messages_" + lang + ".properties";
            try (InputStream in = Messages.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing");
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                Map<String, String> m = new LinkedHashMap<>();
                p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
                bundles.put(lang, Collections.unmodifiableMap(m));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Collections.unmodifiableMap(bundles);
    }
}
