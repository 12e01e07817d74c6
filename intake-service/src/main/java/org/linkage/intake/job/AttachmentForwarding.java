package org.linkage.intake.job;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.intake.service.AttachmentForwarder;

/** The timer of the forwarding of call attachments to their 12345 tickets ({@link AttachmentForwarder}). */
@ApplicationScoped
public class AttachmentForwarding {
    private final AttachmentForwarder forwarder;

    public AttachmentForwarding(AttachmentForwarder forwarder) {
        this.forwarder = forwarder;
    }

    @Scheduled(every = "${linkage.intake.attachments.forward-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s")
    void forward() {
        forwarder.forwardDue();
    }
}
