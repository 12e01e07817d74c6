package org.linkage.bridge.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/** How Linkage concepts appear in GeoReport v2 terms. */
public final class Open311Mapping {
    /** Router statuses after which nothing more happens to the request (GeoReport {@code closed}). */
    private static final Set<String> CLOSED = Set.of("CLOSED", "MERGED", "TRANSFERRED_TO_POLICE", "TERMINATED");

    private Open311Mapping() {
    }

    /** GeoReport knows only {@code open} and {@code closed}; a reply awaiting the return call is still open. */
    public static String status(String ticketStatus) {
        return ticketStatus != null && CLOSED.contains(ticketStatus) ? "closed" : "open";
    }

    /** The note that explains a status to a 311 client: the department's answer when there is one. */
    public static String statusNotes(String ticketStatus, String answer, String note) {
        if (answer != null && !answer.isBlank()) {
            return answer;
        }
        if ("MERGED".equals(ticketStatus)) {
            return "Merged with an earlier request about the same matter. 已并入同一事项的先前工单。";
        }
        if ("TRANSFERRED_TO_POLICE".equals(ticketStatus)) {
            return "Handed to the 110 police line. 已移交110报警服务台。";
        }
        return note == null || note.isBlank() ? null : note;
    }

    public static String channel(String clientId) {
        return "OPEN311:" + clientId;
    }

    /** Api keys are compared by hash so the table never holds a usable key. */
    public static String hashKey(String apiKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
