package org.linkage.router.job;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.router.service.ConsultationDesk;

/**
 * 首接负责: expires consultation requests nobody at 12345 decided in time, so the line that received the call keeps
 * it. Safe with several routers: the desk claims each request with FOR UPDATE SKIP LOCKED.
 */
@ApplicationScoped
public class ConsultationExpiryJob {
    private final ConsultationDesk desk;

    public ConsultationExpiryJob(ConsultationDesk desk) {
        this.desk = desk;
    }

    @Scheduled(every = "${linkage.router.consultations.expiry-interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        desk.expireDue();
    }
}
