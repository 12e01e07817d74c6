package org.linkage.intake.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The city's districts, read from data (CSV {@code code,nameZh,nameEn}) so another city is a new
 * file, not a new release.
 */
public final class Districts {
    private final Map<String, District> byCode;

    public Districts(Collection<District> districts) {
        Map<String, District> map = new LinkedHashMap<>();
        districts.forEach(d -> map.put(d.code(), d));
        this.byCode = Map.copyOf(map);
    }

    public static Districts read(InputStream csv) {
        Map<String, District> districts = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("code,")) {
                    continue;
                }
                String[] cols = line.split(",", -1);
                if (cols.length < 3) {
                    throw new IllegalArgumentException("district line needs code,nameZh,nameEn: " + line);
                }
                districts.put(cols[0].strip(), new District(cols[0].strip(), cols[1].strip(), cols[2].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Districts(districts.values());
    }

    public Optional<District> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public Collection<District> all() {
        return byCode.values();
    }
}
