package org.linkage.commons.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/**
 * A CloudEvent read off Kafka in binary mode: the attributes come from the {@code ce_} headers and
 * the data is the record value (JSON).
 */
public record ReceivedEvent(String id, String type, String source, String subject, String key, String data) {

    public static ReceivedEvent of(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        if (id == null) {
            // Not a CloudEvent: fall back to the record's coordinates, which are unique and stable on replay.
            id = record.topic() + "/" + record.partition() + "/" + record.offset();
        }
        return new ReceivedEvent(id, header(record, "ce_type"), header(record, "ce_source"),
                header(record, "ce_subject"), record.key(), record.value());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
