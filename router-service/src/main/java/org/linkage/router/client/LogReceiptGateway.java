package org.linkage.router.client;

import org.jboss.logging.Logger;
import org.linkage.commons.privacy.Masking;
import org.linkage.router.domain.ReceiptGateway;

/**
 * Receipts written to the log instead of sent: local runs and tests. The receipt table is the outbox, so what
 * would have been sent, to whom (masked) and when stays readable there and at {@code GET /api/tickets/{ref}/receipts}.
 */
public class LogReceiptGateway implements ReceiptGateway {
    private static final Logger LOG = Logger.getLogger(LogReceiptGateway.class);

    @Override
    public Outcome send(Outgoing receipt) {
        LOG.infof("receipt %s to %s: %s", receipt.id(), Masking.phone(receipt.phone()), receipt.message());
        return Outcome.sent();
    }
}
