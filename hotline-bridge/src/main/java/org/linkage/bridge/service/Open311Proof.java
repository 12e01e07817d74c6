package org.linkage.bridge.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.bridge.client.RouterApi;
import org.linkage.bridge.client.RouterClient;

import java.util.List;
import java.util.Optional;

/**
 * The department's proof for Open311 answers: the ticket's newest photo as the router's expiring link, asked at each
 * read so the link opens for its full validity.
 */
@ApplicationScoped
public class Open311Proof {
    /** Router look-ups one answer may make; the rest of a long list is answered with what the bridge holds. */
    public static final int MAX_LOOKUPS = 100;

    private final RouterClient router;

    public Open311Proof(RouterClient router) {
        this.router = router;
    }

    /** For one answer: it stops asking at the first "not known now", so a down router costs one time-out, not one per request. */
    public Answer answer() {
        return new Answer();
    }

    public final class Answer {
        private int asked;
        private boolean unknown;

        private Answer() {
        }

        /** The ticket's newest photo link; empty when it has none or the router cannot be asked now. */
        public Optional<String> latestPhoto(String ticketNumber) {
            if (unknown || asked >= MAX_LOOKUPS) {
                return Optional.empty();
            }
            asked++;
            Optional<List<RouterApi.AttachmentLink>> links = router.attachmentLinksIfKnown(ticketNumber);
            if (links.isEmpty()) {
                unknown = true;
                return Optional.empty();
            }
            // The router lists a ticket's files oldest first.
            List<RouterApi.AttachmentLink> all = links.get();
            for (int i = all.size() - 1; i >= 0; i--) {
                RouterApi.AttachmentLink l = all.get(i);
                if (l.contentType() != null && l.contentType().startsWith("image/")) {
                    return Optional.ofNullable(l.url());
                }
            }
            return Optional.empty();
        }
    }
}
