package org.linkage.intake.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A server-sent-events client over a real connection (RestAssured waits for the end of a body, which a
 * stream never reaches). Lines are read on a thread of their own and parsed into events and comments.
 */
public final class SseStream implements AutoCloseable {
    /** One event (name and data) or one comment line (name null, comment set). */
    public record Event(String name, String data, String comment) {
    }

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> received = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private final Thread reader;
    private final CountDownLatch ended = new CountDownLatch(1);

    private SseStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream; the answer's status is {@link #status()} (a refused request has no events). */
    public static SseStream open(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build();
        return new SseStream(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines()));
    }

    public int status() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse("");
    }

    private void read() {
        String name = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith(":")) {
                    received.add(new Event(null, null, line.substring(1).strip()));
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
                } else if (line.isEmpty() && (name != null || !data.isEmpty())) {
                    received.add(new Event(name, data.toString(), null));
                    name = null;
                    data.setLength(0);
                }
            }
        } catch (RuntimeException e) {
            // closed by the test
        } finally {
            ended.countDown();
        }
    }

    /** True if the server ended the stream within the timeout. */
    public boolean ends(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Waits for the first event or comment (not seen before) that matches. */
    public Event await(Predicate<Event> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Event e : seen) {
            if (match.test(e)) {
                seen.remove(e);
                return e;
            }
        }
        while (true) {
            long left = deadline - System.nanoTime();
            Event e = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no matching server-sent event within " + timeout + "; other events: " + seen);
            }
            if (match.test(e)) {
                return e;
            }
            seen.add(e);
        }
    }

    /** Everything received so far (events and comments) that no {@link #await} took. */
    public List<Event> rest() {
        received.drainTo(seen);
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
