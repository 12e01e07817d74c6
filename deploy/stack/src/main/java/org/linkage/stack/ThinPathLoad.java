package org.linkage.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded load loop against a running local stack (deploy/run): submits calls through intake and
 * waits until each shows a delivered 12345 ticket. Prints submit throughput, end-to-end throughput
 * and latency percentiles. Only talks to 127.0.0.1.
 *
 * <pre>java -cp "deploy/stack/target/linkage-stack.jar:deploy/stack/target/lib/*" org.linkage.stack.ThinPathLoad [calls=500] [threads=8]</pre>
 */
public final class ThinPathLoad {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private ThinPathLoad() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        String intake = System.getenv().getOrDefault("LINKAGE_INTAKE_URL", "http://127.0.0.1:8081");
        String realm = System.getenv().getOrDefault("LINKAGE_OIDC_URL", "http://127.0.0.1:18080/realms/linkage");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        String token = match(TOKEN, http.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "client_id=linkage-console&grant_type=password&username=calltaker1&password=linkage"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());

        Map<String, Long> submittedAt = new ConcurrentHashMap<>();
        List<Long> submitMicros = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                String body = "{\"callerPhone\":\"1380000" + String.format("%04d", n % 10000) + "\",\"address\":\"成都市武侯区玉林北路"
                        + n + "号\",\"districtCode\":\"510107\",\"content\":\"老板拖欠我三个月工资一直不给，第" + n
                        + "次反映\",\"confirm\":true}";
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(intake + "/api/calls"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                submitMicros.add((System.nanoTime() - t0) / 1000);
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("submit answered " + r.statusCode() + ": " + r.body());
                }
                submittedAt.put(match(ID, r.body()), t0);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double submitSeconds = (System.nanoTime() - start) / 1e9;

        Map<String, Long> deliveredAfter = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (deliveredAfter.size() < calls && System.nanoTime() < deadline) {
            List<Future<?>> polls = new ArrayList<>();
            for (Map.Entry<String, Long> e : submittedAt.entrySet()) {
                if (deliveredAfter.containsKey(e.getKey())) {
                    continue;
                }
                polls.add(pool.submit(() -> {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(intake + "/api/calls/" + e.getKey()))
                            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.body().contains("\"deliveryStatus\":\"DELIVERED\"")) {
                        deliveredAfter.putIfAbsent(e.getKey(), (System.nanoTime() - e.getValue()) / 1_000_000);
                    }
                    return null;
                }));
            }
            for (Future<?> f : polls) {
                f.get();
            }
            Thread.sleep(200);
        }
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();

        List<Long> submit = new ArrayList<>(submitMicros);
        List<Long> endToEnd = new ArrayList<>(deliveredAfter.values());
        Collections.sort(submit);
        Collections.sort(endToEnd);
        System.out.printf("calls=%d threads=%d%n", calls, threads);
        System.out.printf("submit: %.1f calls/s, p50=%.1f ms p99=%.1f ms%n", calls / submitSeconds,
                pct(submit, 0.50) / 1000.0, pct(submit, 0.99) / 1000.0);
        System.out.printf("end to end (call → ticket delivered → visible on the call): %d/%d in %.1f s = %.1f calls/s, "
                        + "p50=%d ms p99=%d ms%n", endToEnd.size(), calls, totalSeconds, endToEnd.size() / totalSeconds,
                pct(endToEnd, 0.50), pct(endToEnd, 0.99));
    }

    private static long pct(List<Long> sorted, double q) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    private static String match(Pattern p, String s) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            throw new IllegalStateException("unexpected answer: " + s);
        }
        return m.group(1);
    }
}
