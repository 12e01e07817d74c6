package org.linkage.intake.classification;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The category taxonomy, loaded from {@code classification/taxonomy.csv} on the class path. It is data so that
 * administrators can rename categories without a release; the codes themselves are the contract with the router's
 * dispatch catalogue.
 */
public final class Taxonomy {

    public static final String RESOURCE = "classification/taxonomy.csv";
    /** Category used when nothing more specific is known. */
    public static final String OTHER = "OTHER";

    private final Map<String, Category> byCode;

    public Taxonomy(List<Category> categories) {
        Map<String, Category> map = new LinkedHashMap<>();
        for (Category c : categories) {
            if (map.put(c.code(), c) != null) {
                throw new IllegalArgumentException("duplicate category code " + c.code());
            }
        }
        this.byCode = Collections.unmodifiableMap(map);
    }

    public static Taxonomy loadDefault() {
        InputStream in = Taxonomy.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing class-path resource " + RESOURCE);
        }
        List<Category> categories = new ArrayList<>();
        for (Csv.Row row : Csv.read(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String domain = row.get("domain");
            categories.add(new Category(row.get("code").strip(), row.get("nameZh").strip(), row.get("nameEn").strip(),
                    domain == null || domain.isBlank() ? null : domain.strip(),
                    Boolean.parseBoolean(row.get("police").strip())));
        }
        return new Taxonomy(categories);
    }

    public List<Category> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Category> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public List<Category> nonPolice() {
        return byCode.values().stream().filter(c -> !c.police()).toList();
    }

    public List<Category> police() {
        return byCode.values().stream().filter(Category::police).toList();
    }

    /** Non-police categories of one citizen-message domain (e.g. 城乡建设), in taxonomy order. */
    public List<Category> ofDomain(String domain) {
        return byCode.values().stream().filter(c -> domain.equals(c.domain())).toList();
    }

    /** The distinct citizen-message domains, in taxonomy order. */
    public List<String> domains() {
        return byCode.values().stream().map(Category::domain).filter(d -> d != null).distinct().toList();
    }
}
