package org.linkage.e2e;

import org.junit.jupiter.api.Test;
import org.linkage.stack.PipelineBench;
import org.linkage.stack.Stack;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline benchmark in CI size (a few seconds against the test stack): every call it submits must reach its
 * department exactly once and show as delivered on the 110 call. Its figures are printed, never asserted: CI
 * machines differ, and the bare loop beside them says how busy this one was.
 */
class PipelineBenchSmokeE2ETest {

    @Test
    void everyCallOfAShortOpenLoopRunIsDeliveredOnceAndVisibleOnItsCall() throws Exception {
        Stack stack = RunningStack.get();
        Path root = Path.of(System.getProperty("linkage.root", "..")).toAbsolutePath().normalize();
        // Received long before the other tests' calls (Calls.submit), so their newest-first call lists stay theirs.
        PipelineBench.Settings settings = PipelineBench.Settings.of(stack, root, 10, 3, 2)
                .receivedAt("2026-01-05T09:30:00+08:00");
        PipelineBench.Result result = new PipelineBench(settings).run(m -> System.out.println("[bench] " + m));
        System.out.println(PipelineBench.report(settings, result));

        assertEquals(result.offered(), result.submitted(), "every call is accepted (201)");
        assertTrue(result.submitted() > 0, "the run submitted calls");
        assertEquals(0, result.lost(), "calls not delivered or not visible as DELIVERED on the call");
        assertEquals(0, result.duplicated(), "calls that became two tickets or reached a department twice");
        assertEquals(result.submitted(), result.delivered());
        assertEquals(result.submitted(), result.visible());
    }
}
