package org.linkage.commons.outbox;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parking empties a row out of the outbox: only errors no retry can fix may do that. */
class RejectedForGoodTest {

    @Test
    void aRecordTheBrokerCanNeverTakeIsParked() {
        assertTrue(OutboxRelay.rejectedForGood(new CompletionException(new RecordTooLargeException("2 MB"))));
        assertTrue(OutboxRelay.rejectedForGood(new SerializationException("bad")));
        assertTrue(OutboxRelay.rejectedForGood(new OutboxRelay.Unpublishable(new IllegalArgumentException("not a URI"))));
    }

    @Test
    void outagesThatPassKeepTheRowsInTheOutbox() {
        assertFalse(OutboxRelay.rejectedForGood(new TimeoutException("slow broker")));
        assertFalse(OutboxRelay.rejectedForGood(new CompletionException(new TopicAuthorizationException("ACL slip"))));
        assertFalse(OutboxRelay.rejectedForGood(new ClusterAuthorizationException("ACL slip")));
        assertFalse(OutboxRelay.rejectedForGood(new SaslAuthenticationException("expired credentials")));
        assertFalse(OutboxRelay.rejectedForGood(new KafkaException("Producer is closed forcefully")));
        assertFalse(OutboxRelay.rejectedForGood(new io.smallrye.mutiny.TimeoutException()));
    }
}
