package org.linkage.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prometheus text scrape of a service's {@code /q/metrics}, read as a test would: the value of one series, the
 * names present, and the {@code linkage_*} names the alert rules and the Grafana dashboard in {@code deploy/k8s} read.
 */
public final class Scrape {
    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern SERVICE_METRIC = Pattern.compile("\\b(linkage_[a-z0-9_]+)");

    /** series name → (sorted labels → value) */
    private final Map<String, Map<String, Double>> series = new TreeMap<>();

    private Scrape(String text) {
        for (String line : text.split("\n")) {
            Matcher m = SERIES.matcher(line);
            if (line.startsWith("#") || !m.find()) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            series.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(labels.toString(), Double.parseDouble(m.group(3)));
        }
    }

    public static Scrape of(String text) {
        return new Scrape(text);
    }

    /** Names of every series in the scrape. */
    public Set<String> names() {
        return series.keySet();
    }

    /**
     * The sum of the series {@code name} whose labels include every {@code key, value} pair given; 0 when none
     * (a counter not yet incremented is not exported at all).
     */
    public double value(String name, String... labels) {
        Map<String, Double> all = series.getOrDefault(name, Map.of());
        double sum = 0;
        for (Map.Entry<String, Double> e : all.entrySet()) {
            boolean match = true;
            for (int i = 0; i + 1 < labels.length; i += 2) {
                if (!e.getKey().contains(labels[i] + "=" + labels[i + 1] + ",")
                        && !e.getKey().contains(labels[i] + "=" + labels[i + 1] + "}")) {
                    match = false;
                    break;
                }
            }
            if (match) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    /**
     * The services' own metric names ({@code linkage_*}, not the {@code cnpg_linkage_*} of the database exporter) that
     * the alert rules and the dashboard in {@code deploy/k8s/base/monitoring} read, found from the module's directory.
     */
    public static Set<String> usedByMonitoring(String prefix) {
        Path monitoring = Path.of("..", "deploy", "k8s", "base", "monitoring");
        Set<String> names = new TreeSet<>();
        for (String file : new String[]{"alert-rules.yaml", "linkage-dashboard.json"}) {
            String text;
            try {
                text = Files.readString(monitoring.resolve(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Matcher m = SERVICE_METRIC.matcher(text);
            while (m.find()) {
                if (m.group(1).startsWith(prefix)) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
