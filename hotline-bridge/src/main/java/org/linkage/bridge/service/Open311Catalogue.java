package org.linkage.bridge.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services Open311 clients may file: the non-police categories of the shared taxonomy, as data
 * (open311/services.json). Police categories are absent on purpose: those matters go to 110.
 */
@ApplicationScoped
public class Open311Catalogue {
    public record Service(String code, String nameZh, String nameEn, String group, String keywords) {
        public String name() {
            return nameZh + " " + nameEn;
        }
    }

    private final Map<String, Service> services = new LinkedHashMap<>();

    public Open311Catalogue(ObjectMapper json) {
        try (InputStream in = Open311Catalogue.class.getResourceAsStream("/open311/services.json")) {
            for (Service s : json.readValue(in, new TypeReference<List<Service>>() {
            })) {
                services.put(s.code(), s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("open311/services.json is unreadable", e);
        }
    }

    public List<Service> all() {
        return List.copyOf(services.values());
    }

    public Optional<Service> find(String code) {
        return Optional.ofNullable(code == null ? null : services.get(code));
    }
}
