package org.linkage.intake.bench;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.linkage.intake.support.CallFixtures;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.linkage.intake.support.CallFixtures.call;
import static org.linkage.intake.support.CallFixtures.with;

/**
 * Not a test (surefire does not pick it up by name): measures calls per second through
 * POST /api/calls over HTTP, against the same real PostgreSQL and Kafka as the tests, and how long
 * the outbox relay takes to publish the referrals. Run with
 * {@code mvn -B -q verify -pl intake-service -Dtest=CallThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Half the calls are one-click transfers, so they write a referral to the outbox as well.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@TestSecurity(user = "calltaker-bench", roles = "call-taker")
class CallThroughputBenchmark {
    private static final int WARM_UP = 300;
    private static final int CALLS = 3000;

    @Inject
    EntityManager em;

    @Test
    void measure() throws Exception {
        Map<String, Object> referred = with(call(CallFixtures.WAGES), "confirm", true);
        Map<String, Object> pending = call(CallFixtures.NOISE);
        for (int i = 0; i < WARM_UP; i++) {
            post(i % 2 == 0 ? referred : pending);
        }
        waitForEmptyOutbox();

        long[] latencies = new long[CALLS];
        long start = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
            long t = System.nanoTime();
            post(i % 2 == 0 ? referred : pending);
            latencies[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long drained = waitForEmptyOutbox();
        Arrays.sort(latencies);
        System.out.printf("BENCH one client: %d calls in %.2f s = %.0f calls/s; p50 %.1f ms, p99 %.1f ms; "
                        + "outbox empty %.2f s after the last call%n", CALLS, seconds, CALLS / seconds,
                latencies[CALLS / 2] / 1e6, latencies[CALLS * 99 / 100] / 1e6, drained / 1e9);

        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long concurrentStart = System.nanoTime();
        Future<?>[] futures = new Future<?>[threads];
        for (int t = 0; t < threads; t++) {
            futures[t] = pool.submit(() -> {
                for (int i = 0; i < CALLS / threads; i++) {
                    post(i % 2 == 0 ? referred : pending);
                }
            });
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double concurrentSeconds = (System.nanoTime() - concurrentStart) / 1e9;
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        long drainedConcurrent = waitForEmptyOutbox();
        System.out.printf("BENCH %d clients: %d calls in %.2f s = %.0f calls/s; outbox empty %.2f s after the last call%n",
                threads, CALLS, concurrentSeconds, CALLS / concurrentSeconds, drainedConcurrent / 1e9);
    }

    private static void post(Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body).when().post("/api/calls").then().statusCode(201);
    }

    /** @return nanoseconds until the relay had published every pending event */
    private long waitForEmptyOutbox() throws InterruptedException {
        long start = System.nanoTime();
        while (((Number) em.createNativeQuery("select count(*) from outbox_event").getSingleResult()).longValue() > 0) {
            Thread.sleep(20);
        }
        return System.nanoTime() - start;
    }
}
