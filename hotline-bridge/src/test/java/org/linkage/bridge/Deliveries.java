package org.linkage.bridge;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.linkage.bridge.domain.DeliveryStatus;
import org.linkage.bridge.repository.Delivery;
import org.linkage.bridge.repository.DeliveryAttempt;
import org.linkage.bridge.repository.DeliveryRepository;
import org.linkage.bridge.service.DeliveryService;
import org.linkage.events.TicketDispatched;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Test helpers that work on deliveries directly, where Kafka would only add waiting. */
public final class Deliveries {
    private Deliveries() {
    }

    public static UUID accept(DeliveryService service, TicketDispatched ticket) {
        return QuarkusTransaction.requiringNew().call(() -> service.accept(ticket).orElseThrow().id);
    }

    public static Delivery load(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Delivery d = Delivery.findById(id);
            d.payload.length(); // loaded while the transaction is open
            return d;
        });
    }

    public static List<DeliveryAttempt> attempts(DeliveryRepository repository, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> repository.attemptsOf(id));
    }

    public static Delivery awaitStatus(UUID id, DeliveryStatus status, Duration within) {
        return await().atMost(within).pollInterval(Duration.ofMillis(100))
                .until(() -> load(id), d -> d.status == status);
    }
}
