package org.linkage.console.rest;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.console.client.Services;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Categories and districts as intake knows them, kept a few minutes: the preview names a category on every
 * keystroke pause, and these lists change only when an administrator edits them. Intake stays their owner.
 */
@ApplicationScoped
public class Reference {
    private static final Duration TTL = Duration.ofMinutes(5);

    private final Services services;
    private volatile Cached<List<Map<String, Object>>> categories;
    private volatile Cached<List<Map<String, Object>>> districts;
    private volatile Cached<List<Map<String, Object>>> departments;

    public Reference(Services services) {
        this.services = services;
    }

    public List<Map<String, Object>> categories() {
        categories = fresh(categories, () -> services.readIntake(api -> api.categories()));
        return categories.value();
    }

    public List<Map<String, Object>> districts() {
        districts = fresh(districts, () -> services.readIntake(api -> api.districts()));
        return districts.value();
    }

    /** The router's units, for naming them in statistics; only roles that may read them (dispatcher, supervisor, admin). */
    public List<Map<String, Object>> departments() {
        departments = fresh(departments, () -> services.readRouter(api -> api.departments()));
        return departments.value();
    }

    public Map<String, Map<String, Object>> departmentsByCode() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        departments().forEach(d -> out.put(String.valueOf(d.get("code")), d));
        return out;
    }

    public Map<String, Map<String, Object>> categoriesByCode() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        categories().forEach(c -> out.put(String.valueOf(c.get("code")), c));
        return out;
    }

    public Map<String, Map<String, Object>> districtsByCode() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        districts().forEach(d -> out.put(String.valueOf(d.get("code")), d));
        return out;
    }

    private static <T> Cached<T> fresh(Cached<T> cached, Supplier<T> load) {
        long now = System.nanoTime();
        if (cached != null && now - cached.loadedAt() < TTL.toNanos()) {
            return cached;
        }
        return new Cached<>(load.get(), now);
    }

    private record Cached<T>(T value, long loadedAt) {
    }
}
