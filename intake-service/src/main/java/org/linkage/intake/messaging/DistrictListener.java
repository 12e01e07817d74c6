package org.linkage.intake.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.linkage.commons.inbox.Inbox;
import org.linkage.commons.inbox.InboxConsumer;
import org.linkage.events.DistrictChanged;
import org.linkage.events.EventTypes;
import org.linkage.intake.repository.AnnouncedDistrict;
import org.linkage.intake.repository.AnnouncedDistrictRepository;

/** Follows the router's districts (linkage.districts): the latest announcement of a code is what intake accepts. */
@ApplicationScoped
public class DistrictListener implements InboxConsumer {
    private static final Logger LOG = Logger.getLogger(DistrictListener.class);
    static final String CONSUMER = "intake-districts";

    private final Inbox inbox;
    private final AnnouncedDistrictRepository districts;

    public DistrictListener(Inbox inbox, AnnouncedDistrictRepository districts) {
        this.inbox = inbox;
        this.districts = districts;
    }

    @Override
    public String inboxName() {
        return CONSUMER;
    }

    @Incoming("districts")
    @Blocking
    @Override
    public void consume(ConsumerRecord<String, String> record) {
        inbox.consume(CONSUMER, record, EventTypes.DISTRICT_CHANGED, DistrictChanged.class, (event, d) -> apply(d));
    }

    void apply(DistrictChanged d) {
        AnnouncedDistrict a = districts.findById(d.code());
        if (a != null && d.at() != null && d.at().isBefore(a.changedAt)) {
            return; // an older announcement arriving late never undoes a newer one
        }
        if (a == null) {
            a = new AnnouncedDistrict();
            a.code = d.code();
        }
        a.nameZh = d.nameZh();
        a.nameEn = d.nameEn();
        a.active = d.active();
        a.changedAt = d.at() != null ? d.at() : java.time.Instant.now();
        districts.persist(a);
        LOG.infof("district %s %s announced by the router (%s)", d.code(), d.nameZh(), d.active() ? "active" : "inactive");
    }
}
