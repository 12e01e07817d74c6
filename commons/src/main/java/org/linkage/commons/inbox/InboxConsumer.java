package org.linkage.commons.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A consumer that takes its events through the {@link Inbox}. Implementing it lets an operator replay
 * the consumer's dead letters: the stored record is handed to {@link #consume} again, as Kafka would.
 */
public interface InboxConsumer {
    /** The name the consumer passes to {@link Inbox#consume}. */
    String inboxName();

    void consume(ConsumerRecord<String, String> record);
}
