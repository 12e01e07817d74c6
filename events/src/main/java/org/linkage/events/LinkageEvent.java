package org.linkage.events;

/**
 * A payload of the contract that knows where it goes, as Debezium's outbox events carry their aggregate: the
 * {@link #topic() topic}, the CloudEvents {@link #type() type}, the Kafka {@link #key() key} that keeps one call's
 * or ticket's events in order, and the CloudEvents {@link #subject() subject}, a human-readable id. The record's
 * components are the {@code data}; these four are not part of it.
 */
public interface LinkageEvent {
    /** One of {@link Topics}. */
    String topic();

    /** One of {@link EventTypes}. */
    String type();

    /** The Kafka key: the id of the call, ticket or transfer the event is about. */
    String key();

    /** The CloudEvents subject: the call or ticket number (or who sent a transfer without one). */
    String subject();
}
