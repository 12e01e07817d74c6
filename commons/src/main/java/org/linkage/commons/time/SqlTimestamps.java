package org.linkage.commons.time;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A {@code timestamptz} column read by a native query: Hibernate hands it back as an {@link Instant}, an
 * {@link OffsetDateTime} or a {@link java.sql.Timestamp} depending on the query and the dialect's settings, so every
 * reader of native rows takes it through here rather than guessing one of the three.
 */
public final class SqlTimestamps {
    private SqlTimestamps() {
    }

    /** The column as an instant, null for SQL null; anything that is not a timestamp is a programming error. */
    public static Instant instant(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof Instant i) {
            return i;
        }
        if (column instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (column instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp column: " + column.getClass().getName());
    }
}
