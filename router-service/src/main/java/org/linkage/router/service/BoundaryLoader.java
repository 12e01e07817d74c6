package org.linkage.router.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.linkage.router.config.RouterConfig;
import org.linkage.router.domain.DistrictBoundaries;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the optional GeoJSON FeatureCollection named by {@code linkage.router.district-boundaries}
 * (a file path, or a classpath resource): one Polygon or MultiPolygon feature per district, its
 * code in {@code properties.code}. Without the setting, coordinates are not used for districts.
 */
@ApplicationScoped
public class BoundaryLoader {
    private static final Logger LOG = Logger.getLogger(BoundaryLoader.class);

    private final DistrictBoundaries boundaries;

    public BoundaryLoader(RouterConfig config, ObjectMapper json) {
        this.boundaries = config.districtBoundaries().map(location -> load(location, json))
                .orElse(new DistrictBoundaries(List.of()));
    }

    public DistrictBoundaries boundaries() {
        return boundaries;
    }

    private static DistrictBoundaries load(String location, ObjectMapper json) {
        try (InputStream in = open(location)) {
            List<DistrictBoundaries.Area> areas = new ArrayList<>();
            for (JsonNode feature : json.readTree(in).path("features")) {
                String code = feature.path("properties").path("code").asText(null);
                JsonNode geometry = feature.path("geometry");
                if (code == null) {
                    throw new IllegalArgumentException("a feature in " + location + " has no properties.code");
                }
                switch (geometry.path("type").asText()) {
                    case "Polygon" -> areas.add(area(code, geometry.path("coordinates")));
                    case "MultiPolygon" -> geometry.path("coordinates").forEach(p -> areas.add(area(code, p)));
                    default -> throw new IllegalArgumentException("district " + code + " in " + location
                            + " is not a Polygon or MultiPolygon");
                }
            }
            LOG.infof("district boundaries: %d polygons from %s", areas.size(), location);
            return new DistrictBoundaries(areas);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read district boundaries " + location, e);
        }
    }

    private static DistrictBoundaries.Area area(String code, JsonNode polygon) {
        List<List<double[]>> rings = new ArrayList<>();
        for (JsonNode ring : polygon) {
            List<double[]> points = new ArrayList<>();
            ring.forEach(p -> points.add(new double[]{p.get(0).asDouble(), p.get(1).asDouble()}));
            rings.add(points);
        }
        return new DistrictBoundaries.Area(code, rings);
    }

    private static InputStream open(String location) throws IOException {
        Path file = Path.of(location);
        if (Files.isRegularFile(file)) {
            return Files.newInputStream(file);
        }
        InputStream resource = Thread.currentThread().getContextClassLoader().getResourceAsStream(location);
        if (resource == null) {
            throw new IOException("no file or classpath resource " + location);
        }
        return resource;
    }
}
