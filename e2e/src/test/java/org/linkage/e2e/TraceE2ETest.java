package org.linkage.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linkage.stack.DepartmentInbox;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One trace from the call-taker's POST to the department's webhook and back to the call: intake's request, the router's
 * consumption of the referral, the bridge's delivery (the department sees its traceparent) and intake's applying of
 * the status report that says the ticket was delivered, all with one trace id, as the services exported it.
 */
class TraceE2ETest {
    @BeforeAll
    static void stack() {
        RunningStack.get();
    }

    @Test
    void oneTraceRunsFromTheCallToTheDepartmentAndBackToTheCall() throws IOException {
        String callId = Calls.submit(Calls.WAGES + "，追踪测试", "510107").getString("id");
        String ticketNumber = Calls.awaitDeliveredTicket(callId).getString("ticket.ticketNumber");

        List<DepartmentInbox.Received> deliveries = RunningStack.get().inbox().received().stream()
                .filter(r -> r.body().contains(ticketNumber)).toList();
        assertEquals(1, deliveries.size());
        String traceparent = deliveries.get(0).traceparent();
        assertNotNull(traceparent, "the webhook carried no traceparent");
        String trace = traceparent.split("-")[1];
        String deliverySpan = traceparent.split("-")[2];

        TraceCollector collector = RunningStack.traces();
        // Spans are exported in batches; wait until intake has reported applying the outcome under this trace.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<TraceCollector.Span> spans = collector.trace(trace);
            Map<String, TraceCollector.Span> byId = spans.stream()
                    .collect(Collectors.toMap(TraceCollector.Span::spanId, Function.identity(), (a, b) -> a));

            TraceCollector.Span post = spans.stream().filter(s -> "intake-service".equals(s.service())
                    && s.kind() == TraceCollector.SERVER && s.name().contains("/api/calls")).findFirst()
                    .orElseThrow(() -> new AssertionError("intake's POST is not in the trace: " + spans));
            assertEquals("", post.parentSpanId(), "the call-taker's POST should start the trace");

            assertTrue(spans.stream().anyMatch(s -> "router-service".equals(s.service())
                    && s.kind() == TraceCollector.CONSUMER), "the router's consumption of the referral is not in it");

            TraceCollector.Span delivery = byId.get(deliverySpan);
            assertNotNull(delivery, "the bridge's delivery span (the webhook's parent) is not in it");
            assertEquals("hotline-bridge", delivery.service());
            assertTrue(delivery.name().startsWith("deliver"), delivery.name());

            // Back to the call: intake applied a status report whose chain of parents runs through the delivery.
            assertTrue(spans.stream().filter(s -> "intake-service".equals(s.service())
                            && s.kind() == TraceCollector.CONSUMER)
                            .anyMatch(s -> descendsFrom(s, deliverySpan, byId)),
                    "intake applied no outcome of the delivery within the trace");
        });

        // The services' logs name the trace, so one id finds every line about this call.
        String intakeLog = Files.readString(RunningStack.get().logDir().resolve("intake-service.log"));
        assertTrue(intakeLog.contains("traceId=" + trace), "intake's log has no line in the call's trace");
    }

    private static boolean descendsFrom(TraceCollector.Span span, String ancestor,
                                        Map<String, TraceCollector.Span> byId) {
        for (TraceCollector.Span s = span; s != null; s = byId.get(s.parentSpanId())) {
            if (s.spanId().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }
}
