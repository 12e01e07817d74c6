package org.linkage.bridge.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Open311MappingTest {

    @Test
    void aTicketIsClosedForA311ClientOnlyOnceNothingMoreHappensToIt() {
        for (String end : new String[]{"CLOSED", "MERGED", "TRANSFERRED_TO_POLICE", "TERMINATED"}) {
            assertEquals("closed", Open311Mapping.status(end), end);
        }
        // A paused or parked ticket still comes back to work, as does an answer awaiting its return call.
        for (String open : new String[]{"DISPATCHED", "IN_PROGRESS", "PAUSED", "PARKED", "REPLIED"}) {
            assertEquals("open", Open311Mapping.status(open), open);
        }
    }

    @Test
    void aTerminatedTicketExplainsItselfThroughItsAnswer() {
        assertEquals("终止办理（诉求不合法）：要求无法律依据",
                Open311Mapping.statusNotes("TERMINATED", "终止办理（诉求不合法）：要求无法律依据", "TERMINATED:UNLAWFUL_DEMAND"));
    }
}
