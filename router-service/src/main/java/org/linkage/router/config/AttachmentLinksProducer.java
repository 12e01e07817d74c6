package org.linkage.router.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.linkage.commons.evidence.SignedLinks;

/**
 * The key expiring attachment links are signed under. There is no packaged key: dev and test have their own, and a
 * deployment without {@code LINKAGE_ATTACHMENT_LINK_KEY} refuses to start rather than sign with a known one.
 */
public class AttachmentLinksProducer {
    @Produces
    @Singleton
    @Startup
    SignedLinks attachmentLinks(@ConfigProperty(name = "linkage.attachment-links.key", defaultValue = "") String key) {
        return new SignedLinks(key);
    }
}
