package org.linkage.router.domain;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppealsTest {
    @Test
    void anOtherGroundNeedsWordsTheNamedGroundsDoNot() {
        assertEquals("reason", Appeals.checkFiling(AppealGround.OTHER, " ").orElseThrow().field());
        assertTrue(Appeals.checkFiling(AppealGround.OTHER, "来电人已撤诉").isEmpty());
        assertTrue(Appeals.checkFiling(AppealGround.WRONG_DISPATCH, null).isEmpty());
        assertEquals("ground", Appeals.checkFiling(null, "x").orElseThrow().field());
    }

    @Test
    void onlyTheLeadUnitOfADispatchedTicketAppeals() {
        assertTrue(Appeals.checkTicket(TicketStatus.SIGNED, true, true).isEmpty());
        assertTrue(Appeals.checkTicket(TicketStatus.CLOSED, true, true).isEmpty());
        assertFalse(Appeals.checkTicket(TicketStatus.SIGNED, true, false).isEmpty());
        assertFalse(Appeals.checkTicket(TicketStatus.PENDING_DISPATCH, false, true).isEmpty());
    }

    @Test
    void aDecisionNeedsAReasonAndOnlyAPendingAppealIsDecided() {
        assertEquals("reason", Appeals.checkDecision("").orElseThrow().field());
        assertTrue(Appeals.decidable(AppealStatus.PENDING));
        assertFalse(Appeals.decidable(AppealStatus.ACCEPTED));
        assertFalse(Appeals.decidable(AppealStatus.REJECTED));
        assertEquals(AppealStatus.ACCEPTED, AppealStatus.decided(true));
    }
}
