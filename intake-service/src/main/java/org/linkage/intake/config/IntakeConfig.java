package org.linkage.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;

/** Intake settings that differ between cities and deployments. */
@ConfigMapping(prefix = "linkage.intake")
public interface IntakeConfig {
    /** The line prefix of call numbers (110-20261128-000123). */
    @WithDefault("110")
    String callNumberPrefix();

    /** The local day a call number carries is the day in this zone. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Class-path CSV of the city's districts. */
    @WithDefault("districts/chengdu.csv")
    String districtsResource();

    /**
     * How often the hand-back stream sends a comment line when nothing happens, so proxies and load
     * balancers (commonly 30-60 s idle time-outs) keep the connection open.
     */
    @WithDefault("15s")
    Duration streamHeartbeat();

    /**
     * How long 12345 has to accept or decline a consultation request (三方通话 in data) before the call stays with 110
     * (首接负责). The guidance speaks of minutes; 3 by default.
     */
    @WithDefault("PT3M")
    Duration consultationTimeLimit();
    /** The risk-warning rules (风险预警): a class-path resource, or a file for a city's own. */
    @WithDefault("risk/rules.csv")
    String riskRules();

    /** At most this many earlier calls, and tickets, per line in a caller's history (newest first). */
    @WithDefault("50")
    int historyLimit();
}
