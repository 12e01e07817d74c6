package org.linkage.e2e;

import org.junit.jupiter.api.Test;
import org.linkage.stack.FaultSuite;
import org.linkage.stack.Stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault suite in CI size: each fault once, a few seconds each, at 5 calls/s. It starts a stack of its own (own
 * folder, own ports), because it restarts PostgreSQL and Kafka and kills a service, and the shared stack must stay
 * whole for the other test classes. Every call must come through exactly once in effect.
 */
class FaultSuiteE2ETest {

    @Test
    void underRestartsKillsAndAnOutageEveryCallIsTicketedDeliveredAndShownOnceWithoutDeadLetters() throws Exception {
        Path root = Path.of(System.getProperty("linkage.root", "..")).toAbsolutePath().normalize();
        Path data = Path.of(System.getProperty("linkage.e2e.fault-data", "target/fault-stack")).toAbsolutePath();
        FaultSuite.deleteTree(data);
        Files.createDirectories(data);
        FaultSuite.Settings settings = new FaultSuite.Settings(5, 4, 1, 300, "router-service");
        try (Stack stack = Stack.start(Stack.Settings.ephemeral(root, data),
                Map.of("hotline-bridge", FaultSuite.BRIDGE_ENV), m -> System.out.println("[fault stack] " + m))) {
            FaultSuite.Result r = new FaultSuite(stack, settings, System.out::println).run();
            System.out.println(FaultSuite.report(settings, r));

            assertEquals(4, r.faults().size(), "each of the four faults ran: " + r.faults());
            assertTrue(r.accepted() >= 50, "the load ran through the faults: " + r.accepted() + " calls");
            assertTrue(r.refusedByDepartment() > FaultSuite.BREAKER_THRESHOLD,
                    "the department outage refused enough deliveries to open the breaker");
            assertEquals(r.offered(), r.accepted(), "every offered call was accepted, retried with its key");
            assertEquals(0, r.keysWithTwoCalls(), "a retried key made a second call");
            assertEquals(r.accepted(), r.referred(), "every call was referred to 12345");
            assertEquals(r.accepted(), r.ticketed(), "every referred call has a ticket");
            assertEquals(0, r.ticketsTwice(), "calls with two tickets");
            assertEquals(r.accepted(), r.tickets(), "one ticket per call");
            assertEquals(r.accepted(), r.delivered(), "every ticket delivered");
            assertEquals(0, r.deliveredTwice(), "tickets with two successful deliveries");
            assertEquals(r.tickets(), r.atDepartment(), "every ticket reached its department");
            assertEquals(0, r.departmentTwice(), "tickets a department received twice in effect");
            assertEquals(r.accepted(), r.visible(), "every call shows its ticket as DELIVERED");
            assertEquals(0, r.deadLetters(), "dead letters");
            assertEquals(0, r.lost());
            assertEquals(0, r.duplicated());
        }
    }
}
