package org.linkage.e2e;

import org.junit.jupiter.api.Test;
import org.linkage.stack.FaultSuite;
import org.linkage.stack.Stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, "proven here": two instances of intake, router and bridge on one stack of its own, the load spread over
 * both intakes, one instance of each killed with SIGKILL mid-load and started again. Every accepted call reaches its
 * department exactly once in effect, no call gets a second ticket, and the supervision ladder, run by two routers
 * side by side, takes each step of each ticket once.
 */
class TwoReplicasE2ETest {

    @Test
    void withTwoInstancesOfEachServiceAndOneOfEachKilledEveryCallComesThroughOnceAndEachLadderStepIsTakenOnce()
            throws Exception {
        Path root = Path.of(System.getProperty("linkage.root", "..")).toAbsolutePath().normalize();
        Path data = Path.of(System.getProperty("linkage.e2e.replica-data", "target/replica-stack")).toAbsolutePath();
        FaultSuite.deleteTree(data);
        Files.createDirectories(data);
        FaultSuite.Settings settings = new FaultSuite.Settings(5, 8, 1, 300, "router-service");
        try (Stack stack = Stack.start(Stack.Settings.ephemeral(root, data),
                Map.of("hotline-bridge", FaultSuite.BRIDGE_ENV, "router-service", FaultSuite.LADDER_ENV),
                m -> System.out.println("[replica stack] " + m))) {
            FaultSuite suite = new FaultSuite(stack, settings, System.out::println);
            FaultSuite.Result r = suite.runWithReplicas();
            System.out.println(FaultSuite.report(settings, r));
            assertEquals(2, stack.serviceUrls("intake-service").size(), "two intakes took the load");

            assertTrue(r.accepted() >= 50, "the load ran through the kill: " + r.accepted() + " calls");
            assertEquals(r.offered(), r.accepted(), "every offered call was accepted, retried with its key");
            assertEquals(0, r.keysWithTwoCalls(), "a retried key made a second call");
            assertEquals(r.accepted(), r.ticketed(), "every call has a ticket");
            assertEquals(0, r.ticketsTwice(), "calls with two tickets");
            assertEquals(r.accepted(), r.tickets(), "one ticket per call");
            assertEquals(0, r.deliveredTwice(), "tickets with two successful deliveries");
            assertEquals(r.tickets(), r.atDepartment(), "every ticket reached its department");
            assertEquals(0, r.departmentTwice(), "tickets a department received twice in effect");
            assertEquals(r.accepted(), r.visible(), "every call shows its ticket as DELIVERED");
            assertEquals(0, r.deadLetters(), "dead letters");
            assertEquals(0, r.lost());
            assertEquals(0, r.duplicated());

            FaultSuite.LadderCount ladder = suite.supervision(Duration.ofMinutes(6));
            System.out.println(FaultSuite.report(ladder));
            assertEquals(ladder.tickets(), ladder.finished(), "every ticket climbed the whole ladder: " + ladder.steps());
            for (String step : new String[]{"WARNING", "CHASE", "SUPERVISE", "LISTED"}) {
                assertEquals(ladder.tickets(), ladder.steps().getOrDefault(step, 0), "tickets that took " + step + " once");
            }
            assertEquals(0, ladder.stepsTwice(), "steps taken twice for one ticket and deadline");
            assertEquals(0, ladder.historyTwice(), "ladder entries written twice in a ticket's history");
        }
    }
}
