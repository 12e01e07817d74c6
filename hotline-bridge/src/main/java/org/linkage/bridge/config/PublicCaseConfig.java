package org.linkage.bridge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** The caller's public case look-up (issue 12): how many attempts a client address and a ticket number get. */
@ConfigMapping(prefix = "linkage.public-case")
public interface PublicCaseConfig {
    /** Attempts one client address may make per window, whatever tickets it asks about. */
    @WithName("per-address")
    @WithDefault("30")
    int perAddress();

    /** Attempts on one ticket number per window, from anywhere: what stops guessing a code. */
    @WithName("per-ticket")
    @WithDefault("10")
    int perTicket();

    @WithDefault("10m")
    Duration window();
}
