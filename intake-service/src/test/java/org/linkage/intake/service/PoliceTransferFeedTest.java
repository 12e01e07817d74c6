package org.linkage.intake.service;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * While a replica is not listening it would miss changes, so it opens no stream: the console is told to
 * retry (and then re-reads the list) rather than being left on a stream that silently hears nothing.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class PoliceTransferFeedTest {
    @Inject
    PoliceTransferFeed feed;

    @Test
    @TestSecurity(user = "calltaker1", roles = "call-taker")
    void whileTheReplicaIsNotListeningAStreamIsRefusedWithWhenToRetry() {
        assertTrue(feed.live(), "the listener should be listening once the app has started");
        // As the listener does when its connection fails; it reopens the feed when it listens again.
        feed.interrupt();
        try {
            given().accept("text/event-stream")
                    .when().get("/api/police-transfers/stream")
                    .then().statusCode(503)
                    .contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(503))
                    .body("retryAfterSeconds", equalTo(PoliceTransferFeed.RETRY_SECONDS));
        } finally {
            feed.open();
        }
    }
}
