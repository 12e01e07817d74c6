package org.linkage.intake.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.linkage.commons.outbox.OutboxRelay;
import org.linkage.events.Topics;
import org.linkage.intake.support.CallFixtures;
import org.linkage.intake.support.KafkaClient;
import org.linkage.intake.support.RelayLead;
import org.linkage.testing.KafkaResource;
import org.linkage.testing.PostgresResource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relay keeps the lead (the advisory lock) between wake-ups instead of taking and giving it back each time, and
 * still only one replica publishes at a time: while another replica leads, this one publishes nothing and tells the
 * leader about its new rows; when the leader's session ends (as with kill -9), this one takes over and nothing is lost.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@TestSecurity(user = "calltaker-relay", roles = "call-taker")
class OutboxRelayLeadTest {
    @Inject
    EntityManager em;

    @Test
    void whileAnotherReplicaLeadsThisOnePublishesNothingAndWakesItAndTakesOverWhenItDies() throws Exception {
        Config config = ConfigProvider.getConfig();
        String source = config.getValue("linkage.events.source", String.class);
        String first = CallFixtures.postConfirmed(CallFixtures.WAGES).path("referral.referralId");
        await().atMost(Duration.ofSeconds(30)).until(() -> waiting(first) == 0);   // published: the relay leads

        String referralId;
        try (Connection other = connect(config)) {
            // The other replica takes the lead from this one, whose leading session dies.
            assertTrue(RelayLead.endLeader(other) >= 1, "this replica's relay held the lead");
            // this replica's relay takes the lead back as soon as it notices; the other one may have to try again
            RelayLead.take(other, Duration.ofSeconds(15));
            try (Statement listen = other.createStatement()) {
                listen.execute("LISTEN " + OutboxRelay.wakeChannelOf(source));
            }

            referralId = CallFixtures.postConfirmed(CallFixtures.WAGES).path("referral.referralId");
            assertTrue(heard(other, Duration.ofSeconds(15)), "the replica that does not lead woke the leader");
            Thread.sleep(2500);   // more than two of the relay's ticks (1 s in tests)
            assertEquals(1, waiting(referralId), "published while another replica held the lead");
        }   // the other replica dies: its session and its lock end

        await().atMost(Duration.ofSeconds(30)).until(() -> waiting(referralId) == 0);
        String id = referralId;
        assertTrue(KafkaClient.find(Topics.REFERRALS, r -> r.value().contains(id), Duration.ofSeconds(30)).isPresent(),
                "the referral reached the topic once this replica took over");
    }

    private long waiting(String referralId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_event where payload like ?1")
                .setParameter(1, "%" + referralId + "%").getSingleResult()).longValue());
    }

    private static Connection connect(Config config) throws SQLException {
        Properties properties = new Properties();
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(u -> properties.setProperty("user", u));
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(p -> properties.setProperty("password", p));
        return new org.postgresql.Driver().connect(config.getValue("quarkus.datasource.jdbc.url", String.class), properties);
    }

    private static boolean heard(Connection c, Duration timeout) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            PGNotification[] received = pg.getNotifications(500);
            if (received != null && received.length > 0) {
                return true;
            }
        }
        return false;
    }
}
