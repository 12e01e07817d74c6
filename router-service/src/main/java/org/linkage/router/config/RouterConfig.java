package org.linkage.router.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;

/** Router settings; every time limit is a {@code TimeLimit} string (15M, 2H, 4WH, 5WD). */
@ConfigMapping(prefix = "linkage.router")
public interface RouterConfig {
    /** Time zone of the working calendar. */
    @WithDefault("Asia/Shanghai")
    String zone();

    /** Working periods of a working day, e.g. 09:00-12:00,13:30-17:30. */
    @WithName("working-periods")
    @WithDefault("09:00-12:00,13:30-17:30")
    List<String> workingPeriods();

    /** How long after a dispatch the unit may still return (退单) the ticket. */
    @WithName("return-window")
    @WithDefault("2WD")
    String returnWindow();

    /** Resolve time granted when a dispatcher reopens a ticket after an unsatisfied return call. */
    @WithName("reopen-resolve-limit")
    @WithDefault("3WD")
    String reopenResolveLimit();

    /** Optional GeoJSON of district polygons (file or classpath resource), used when code and address fail. */
    @WithName("district-boundaries")
    java.util.Optional<String> districtBoundaries();

    Urgencies urgency();

    Supervision supervision();

    Duplicates duplicates();

    Clocks clocks();

    Consultations consultations();

    /** Consultation requests from 110 (三方通话 in data). */
    interface Consultations {
        /** How often pending requests past their time limit are expired (首接负责); read by the scheduler. */
        @WithDefault("5s")
        String expiryInterval();
    }

    interface Urgencies {
        Limits normal();

        Limits urgent();

        @WithName("extra-urgent")
        Limits extraUrgent();
    }

    interface Limits {
        String sign();

        String resolve();
    }

    interface Supervision {
        @WithDefault("true")
        boolean enabled();

        /** How often the ladder runs (read by the @Scheduled expression). */
        @WithDefault("60s")
        String interval();

        @WithName("warn-share")
        @WithDefault("0.8")
        double warnShare();

        @WithName("supervise-after")
        @WithDefault("1WD")
        String superviseAfter();

        @WithName("listed-after")
        @WithDefault("2WD")
        String listedAfter();

        @WithName("batch-size")
        @WithDefault("200")
        int batchSize();

        /** How long a ticket whose step failed is left alone; doubles with each further failure. */
        @WithName("retry-backoff")
        @WithDefault("5M")
        Duration retryBackoff();

        /** The longest a failing ticket is left alone between two attempts. */
        @WithName("retry-backoff-max")
        @WithDefault("6H")
        Duration retryBackoffMax();
    }

    interface Duplicates {
        @WithDefault("72H")
        Duration window();

        @WithName("min-similarity")
        @WithDefault("0.35")
        double minSimilarity();

        @WithName("nearby-metres")
        @WithDefault("300")
        double nearbyMetres();
    }

    /** Fair clocks: the limits of 挂起 (pause) and 挂账 (park) per ticket, see {@code ClockPolicy}. */
    interface Clocks {
        /** How often paused tickets whose approved end has come, and parked tickets whose plan date has come, resume. */
        @WithDefault("60s")
        String interval();

        @WithDefault("true")
        boolean enabled();

        @WithName("pause.max-count")
        @WithDefault("2")
        int pauseMaxCount();

        /** Paused time allowed per ticket in all (calendar time). */
        @WithName("pause.max-total")
        @WithDefault("P15D")
        Duration pauseMaxTotal();

        /** How far ahead a plan date may lie. */
        @WithName("park.max-ahead")
        @WithDefault("P366D")
        Duration parkMaxAhead();

        /** The resolve time a parked ticket gets when it returns on its plan date. */
        @WithName("park.resolve")
        @WithDefault("5WD")
        String parkResolve();
    }
}
