package org.linkage.bench;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.linkage.intake.classification.Classifier;
import org.linkage.intake.classification.Classifiers;
import org.linkage.intake.classification.Csv;

/**
 * Throughput and latency of the call classifier on one thread: {@code Benchmark [FILE.csv] [--seconds N]}.
 * Texts are the project's own call texts, plus the {@code text}/{@code title} rows of FILE when given (e.g. held-out
 * citizen messages, which are ten times longer than calls). Each classification is timed on its own, after a warm-up
 * long enough for the JIT, so p99 includes whatever the JIT and GC do in steady state. A plain loop rather than JMH:
 * the question is "how many per second and how slow is the slowest 1%", which per-call timing answers directly.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws IOException {
        double seconds = 10;
        List<String[]> texts = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seconds")) {
                seconds = Double.parseDouble(args[++i]);
            } else {
                for (Csv.Row row : Csv.read(Files.newBufferedReader(Path.of(args[i]), StandardCharsets.UTF_8))) {
                    texts.add(new String[] {row.get("title"), row.get("text")});
                }
            }
        }
        try (var in = Benchmark.class.getClassLoader().getResourceAsStream("classification/calls.csv")) {
            for (Csv.Row row : Csv.read(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                texts.add(new String[] {null, row.get("text")});
            }
        }
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long loadStart = System.nanoTime();
        long loadCpuStart = cpu.getCurrentThreadCpuTime();
        Classifier classifier = Classifiers.loadDefault();
        double loadMillis = (System.nanoTime() - loadStart) / 1e6;
        double loadCpuMillis = (cpu.getCurrentThreadCpuTime() - loadCpuStart) / 1e6;
        double avgChars = texts.stream().mapToInt(t -> t[1].length() + (t[0] == null ? 0 : t[0].length())).average().orElse(0);
        System.out.printf(Locale.ROOT, "model load %.0f ms wall, %.0f ms CPU of this thread; %d distinct texts, %.0f characters on average%n",
                loadMillis, loadCpuMillis, texts.size(), avgChars);

        long sink = 0;
        long warmEnd = System.nanoTime() + (long) (Math.min(5, seconds / 2) * 1e9);
        int i = 0;
        while (System.nanoTime() < warmEnd) {
            String[] t = texts.get(i++ % texts.size());
            sink += classifier.classify(t[0], t[1]).signals().size();
        }
        long[] latencies = new long[1 << 20];
        int n = 0;
        long start = System.nanoTime();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long end = start + (long) (seconds * 1e9);
        long now = start;
        while (now < end) {
            String[] t = texts.get(i++ % texts.size());
            long before = System.nanoTime();
            sink += classifier.classify(t[0], t[1]).signals().size();
            now = System.nanoTime();
            if (n == latencies.length) {
                latencies = Arrays.copyOf(latencies, n * 2);
            }
            latencies[n++] = now - before;
        }
        double elapsed = (now - start) / 1e9;
        double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "one thread: %d classifications in %.1f s = %.0f per second%n", n, elapsed, n / elapsed);
        // on a shared machine the thread is not always on a CPU; per CPU-second is what the code itself achieves
        System.out.printf(Locale.ROOT, "per CPU-second of the benchmark thread: %.0f (thread was on a CPU %.0f%% of the time)%n",
                n / cpuSeconds, 100 * cpuSeconds / elapsed);
        System.out.printf(Locale.ROOT, "latency p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, max %.1f µs%n",
                pct(sorted, 0.50), pct(sorted, 0.99), pct(sorted, 0.999), sorted[n - 1] / 1e3);
        System.out.printf(Locale.ROOT, "throughput=%.0f/s p99_us=%.1f load_ms=%.0f (checksum %d)%n", n / elapsed, pct(sorted, 0.99), loadMillis, sink % 10);
    }

    private static double pct(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e3;
    }
}
