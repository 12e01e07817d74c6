package org.linkage.router;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The router owns the districts and announces every change (linkage.districts); intake ships a list of its own only
 * to answer before the first announcement. That list must be the router's seed, code for code and Chinese name for
 * Chinese name. (English names are not compared: the seeds differ on one, CD-HIGHTECH, "Chengdu Hi-tech Zone" in the
 * router and "Hi-tech Zone" in intake, and intake shows the router's once it has announced the district.)
 */
class DistrictSeedConsistencyTest {
    private static final Path ROOT = CategoryCatalogueConsistencyTest.repositoryRoot();
    private static final Pattern INSERT = Pattern.compile("insert\\s+into\\s+district\\s*\\([^)]*\\)\\s*values(.*?);",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("\\(\\s*'([^']+)'\\s*,\\s*'([^']+)'\\s*,\\s*'([^']+)'");

    @Test
    void intakesShippedDistrictsAreTheRoutersSeed() throws IOException {
        assertEquals(routerSeed(), intakeList());
    }

    private static Map<String, String> routerSeed() throws IOException {
        Map<String, String> out = new TreeMap<>();
        Matcher insert = INSERT.matcher(Files.readString(
                ROOT.resolve("router-service/src/main/resources/db/migration/V2__chengdu_seed.sql"), StandardCharsets.UTF_8));
        while (insert.find()) {
            Matcher row = ROW.matcher(insert.group(1));
            while (row.find()) {
                out.put(row.group(1), row.group(2));
            }
        }
        assertFalse(out.isEmpty(), "no district seed found");
        return out;
    }

    private static Map<String, String> intakeList() throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("intake-service/src/main/resources/districts/chengdu.csv"),
                StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("code,")) {
                continue;
            }
            String[] f = line.split(",", -1);
            out.put(f[0].strip(), f[1].strip());
        }
        return out;
    }
}
