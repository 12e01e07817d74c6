package org.linkage.stack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the status reports intake stored on given calls, for the fault suite and the pipeline bench. By call, never by a
 * cursor on the report id: report ids come from a pooled sequence, fifty per block and instance, so with two intakes
 * (and even with one, across transactions that commit out of order) a report committed later may carry a lower id than
 * one already read, and a reader that asks only for ids above the highest it has seen skips it for good. That is how
 * the two-replica kill test once counted a call as never showing DELIVERED while its report was there.
 */
public final class StatusReports {
    /** The consumer name under which intake's status consumer records its inbox rows. */
    private static final String CONSUMER = "intake-tickets";

    private StatusReports() {
    }

    /**
     * @param reports         how many reports the call has
     * @param firstDelivered  when intake's consumer stored the first report saying DELIVERED, or null if none does
     */
    public record Of(int reports, Instant firstDelivered) {
        public boolean delivered() {
            return firstDelivered != null;
        }
    }

    /** The reports of each of {@code callIds} that has any (calls without a report are absent). */
    public static Map<String, Of> of(Connection c, Collection<String> callIds) throws SQLException {
        Map<String, Of> out = new HashMap<>();
        if (callIds.isEmpty()) {
            return out;
        }
        // processed_at of the inbox row is when the report became visible; a report without one (its inbox row
        // cleaned away) still counts, at the time the report carries.
        try (PreparedStatement st = c.prepareStatement("""
                select r.call_id, count(*),
                       min(coalesce(p.processed_at, r.at)) filter (where r.delivery_status = 'DELIVERED')
                from ticket_status_report r
                left join processed_event p on p.consumer = ? and p.event_id = r.event_id
                where r.call_id = any (?::uuid[])
                group by r.call_id""")) {
            st.setString(1, CONSUMER);
            st.setArray(2, c.createArrayOf("text", callIds.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Timestamp first = rs.getTimestamp(3);
                    out.put(rs.getString(1), new Of(rs.getInt(2), first == null ? null : first.toInstant()));
                }
            }
        }
        return out;
    }
}
