package org.linkage.router.domain;

/**
 * The port receipts leave through (an SMS gateway in practice). The adapter is chosen by configuration
 * ({@code linkage.receipts.adapter}): {@code log} writes them to the log (local runs and tests), {@code http} posts
 * them, signed, to a gateway.
 */
public interface ReceiptGateway {
    /** One receipt to send; {@code id} is stable across attempts so a gateway can drop a repeat. */
    record Outgoing(String id, String phone, String language, String message) {
    }

    /** What became of one attempt. */
    record Outcome(Result result, String error) {
        public static Outcome sent() {
            return new Outcome(Result.SENT, null);
        }

        public static Outcome retry(String error) {
            return new Outcome(Result.RETRY, error);
        }

        public static Outcome refused(String error) {
            return new Outcome(Result.REFUSED, error);
        }
    }

    /** SENT: done; RETRY: a passing fault, try again later; REFUSED: the gateway will never take it. */
    enum Result { SENT, RETRY, REFUSED }

    Outcome send(Outgoing receipt);
}
