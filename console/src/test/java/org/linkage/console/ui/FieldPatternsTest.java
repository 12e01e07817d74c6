package org.linkage.console.ui;

import io.quarkus.qute.Engine;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A field's {@code pattern} reaches the browser as written. Qute reads a brace as an expression, so a quantifier such
 * as {@code {2,40}} left bare renders as {@code NOT_FOUND} (strict rendering is off) and the browser then refuses every
 * value: the reply-template form could not be submitted at all. Each pattern is rendered by Qute here and must come out
 * as the regular expression its author meant.
 */
class FieldPatternsTest {
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\spattern=\"([^\"]*)\"");

    @Test
    void everyFieldPatternRendersAsAValidRegularExpression() throws IOException {
        Engine qute = consoleEngine();
        List<String> broken = new ArrayList<>();
        int seen = 0;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = ATTRIBUTE.matcher(Files.readString(file));
                while (m.find()) {
                    seen++;
                    String rendered = qute.parse(m.group(1)).render();
                    try {
                        Pattern.compile(rendered);
                        if (rendered.contains("NOT_FOUND") || rendered.contains("{|")) {
                            broken.add(TEMPLATES.relativize(file) + ": " + m.group(1) + " -> " + rendered);
                        }
                    } catch (PatternSyntaxException e) {
                        broken.add(TEMPLATES.relativize(file) + ": " + m.group(1) + " -> " + rendered);
                    }
                }
            }
        }
        assertTrue(seen > 0, "the templates have field patterns to check");
        assertTrue(broken.isEmpty(), "patterns Qute changes: " + broken);
    }

    @Test
    void aBareQuantifierIsWhatThisCatches() {
        assertTrue(consoleEngine().parse("[A-Z_]{2,40}").render().contains("NOT_FOUND"));
    }

    /** Rendering as the console's (quarkus.qute.strict-rendering=false): a missing value prints, it does not throw. */
    private static Engine consoleEngine() {
        return Engine.builder().addDefaults().strictRendering(false).build();
    }
}
