package org.linkage.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Evidence on calls (issue 13 part 1): the same limits as on the router's tickets, so what 110 takes 12345 takes. */
@ConfigMapping(prefix = "linkage.intake.attachments")
public interface CallAttachmentConfig {
    /** The largest upload in bytes (10 MiB, as the router's tickets). */
    @WithName("max-bytes")
    @WithDefault("10485760")
    long maxBytes();

    /** How many attachments one call may carry (fewer than a ticket's 20, which also takes the units' own). */
    @WithName("max-per-call")
    @WithDefault("10")
    int maxPerCall();

    /** The most pixels an image may have to be decoded (width × height). */
    @WithName("max-pixels")
    @WithDefault("50000000")
    long maxPixels();

    /** How often referred calls' files waiting for their ticket are offered to the router (the job reads it). */
    @WithName("forward-every")
    @WithDefault("5s")
    String forwardEvery();
}
