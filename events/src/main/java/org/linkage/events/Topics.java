package org.linkage.events;

/**
 * Kafka topic names, one per stream of facts. docs/events.md is the contract; keep the two in step.
 */
public final class Topics {
    /**
     * intake → router: a call (or the non-police rest of one) handed to 12345, or a call answered on the spot from
     * the 12345 knowledge base (counted by 12345 as resolved at first contact). Key: call id.
     */
    public static final String REFERRALS = "linkage.referrals";
    /**
     * router → bridge, intake: ticket dispatches, every ticket status change and the files added after dispatch.
     * Key: ticket id.
     */
    public static final String TICKETS = "linkage.tickets";
    /** bridge → router: outcome of delivering a ticket to a department system. Key: ticket id. */
    public static final String DELIVERIES = "linkage.deliveries";
    /** bridge: deliveries that exhausted their retries, for inspection and replay. Key: ticket id. */
    public static final String DELIVERIES_DLQ = "linkage.deliveries.dlq";
    /** router/bridge → intake: police matters found on the 12345 side, handed back to 110. Key: transfer id. */
    public static final String POLICE_TRANSFERS = "linkage.police-transfers";

    /** router → intake: the city's districts as the router, their owner, holds them. Key: district code. */
    public static final String DISTRICTS = "linkage.districts";

    /**
     * router → intake: 12345's decision on a call-taker's consultation request (三方通话 in data): accepted, declined or
     * expired. The requests themselves travel intake → router on {@link #REFERRALS}. Key: call id.
     */
    public static final String CONSULTATIONS = "linkage.consultations";

    /**
     * router → intake: the questions each category asks (分类必填项) as the router's catalogue, their owner, holds
     * them. Key: category code.
     */
    public static final String CATEGORIES = "linkage.categories";

    public static final String[] ALL = {REFERRALS, TICKETS, DELIVERIES, DELIVERIES_DLQ, POLICE_TRANSFERS, DISTRICTS,
            CONSULTATIONS, CATEGORIES};

    private Topics() {
    }
}
