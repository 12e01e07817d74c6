package org.linkage.commons.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An event written in the same transaction as the change it describes, waiting for the relay to
 * publish it. A row exists only until Kafka has acknowledged the event.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {
    /** Commit order is publish order: the relay reads by this sequence. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "event_key", nullable = false)
    public String key;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String source;

    public String subject;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    /** W3C trace context of the work that wrote the event (null outside a trace), restored when the relay publishes. */
    public String traceparent;

    public String tracestate;
}
