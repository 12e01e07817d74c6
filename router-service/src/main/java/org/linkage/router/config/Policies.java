package org.linkage.router.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.linkage.router.domain.ClockPolicy;
import org.linkage.router.domain.Deadlines;
import org.linkage.router.domain.TimeLimit;
import org.linkage.events.Urgency;

import java.util.Map;

/** The domain policies built from configuration, so services receive plain values and the policies stay pure. */
public class Policies {

    @Produces
    @Singleton
    Deadlines deadlines(RouterConfig config) {
        RouterConfig.Urgencies u = config.urgency();
        return new Deadlines(Map.of(
                Urgency.NORMAL, limits(u.normal()),
                Urgency.URGENT, limits(u.urgent()),
                Urgency.EXTRA_URGENT, limits(u.extraUrgent())),
                TimeLimit.parse(config.returnWindow()), TimeLimit.parse(config.reopenResolveLimit()));
    }

    @Produces
    @Singleton
    ClockPolicy clocks(RouterConfig config) {
        RouterConfig.Clocks c = config.clocks();
        return new ClockPolicy(c.pauseMaxCount(), c.pauseMaxTotal(), c.parkMaxAhead(), TimeLimit.parse(c.parkResolve()));
    }

    private static Deadlines.UrgencyLimits limits(RouterConfig.Limits l) {
        return new Deadlines.UrgencyLimits(TimeLimit.parse(l.sign()), TimeLimit.parse(l.resolve()));
    }
}
