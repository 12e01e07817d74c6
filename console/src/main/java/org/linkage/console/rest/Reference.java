package org.linkage.console.rest;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.console.client.Category;
import org.linkage.console.client.District;
import org.linkage.console.client.Services;
import org.linkage.console.view.Department;

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
    private volatile Cached<List<Category>> categories;
    private volatile Cached<List<District>> districts;
    private volatile Cached<List<Department>> departments;

    public Reference(Services services) {
        this.services = services;
    }

    public List<Category> categories() {
        categories = fresh(categories, () -> services.readIntake(api -> api.categories()));
        return categories.value();
    }

    public List<District> districts() {
        districts = fresh(districts, () -> services.readIntake(api -> api.districts()));
        return districts.value();
    }

    /** The router's units, for naming them in statistics; only roles that may read them (dispatcher, supervisor, admin). */
    public List<Department> departments() {
        departments = fresh(departments, () -> services.readRouter(api -> api.departments()));
        return departments.value();
    }

    public Map<String, Department> departmentsByCode() {
        Map<String, Department> out = new LinkedHashMap<>();
        departments().forEach(d -> out.put(String.valueOf(d.code()), d));
        return out;
    }

    public Map<String, Category> categoriesByCode() {
        Map<String, Category> out = new LinkedHashMap<>();
        categories().forEach(c -> out.put(c.code(), c));
        return out;
    }

    public Map<String, District> districtsByCode() {
        Map<String, District> out = new LinkedHashMap<>();
        districts().forEach(d -> out.put(d.code(), d));
        return out;
    }

    /**
     * The cached list, reloaded after the TTL. A reader whose role may not read the list (a refusal) gets an empty
     * one, not cached, so names fall back to codes for them and the next reader who may read it loads it.
     */
    private static <T> Cached<List<T>> fresh(Cached<List<T>> cached, Supplier<List<T>> load) {
        long now = System.nanoTime();
        if (cached != null && now - cached.loadedAt() < TTL.toNanos()) {
            return cached;
        }
        try {
            return new Cached<>(load.get(), now);
        } catch (org.linkage.console.client.ServiceProblem refused) {
            if (!refused.isClientError()) {
                throw refused;
            }
            return cached != null ? cached : new Cached<>(List.of(), 0);
        }
    }

    private record Cached<T>(T value, long loadedAt) {
    }
}
