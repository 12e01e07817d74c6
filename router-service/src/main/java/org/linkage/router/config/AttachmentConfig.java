package org.linkage.router.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Evidence on tickets (issue 13 part 1): how large, how many, and how large an image may unpack. */
@ConfigMapping(prefix = "linkage.router.attachments")
public interface AttachmentConfig {
    /** The largest upload in bytes (10 MiB: a phone photo or a few minutes of recording). */
    @WithName("max-bytes")
    @WithDefault("10485760")
    long maxBytes();

    /** How many attachments one ticket may carry. */
    @WithName("max-per-ticket")
    @WithDefault("20")
    int maxPerTicket();

    /** The most pixels an image may have to be decoded (width × height; 50 million is above any phone camera). */
    @WithName("max-pixels")
    @WithDefault("50000000")
    long maxPixels();
}
