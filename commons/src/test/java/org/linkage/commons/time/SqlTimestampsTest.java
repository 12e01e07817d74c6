package org.linkage.commons.time;

import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SqlTimestampsTest {
    private static final Instant AT = Instant.parse("2026-12-02T10:15:30.123456Z");

    @Test
    void eachShapeANativeQueryGivesIsTheSameInstant() {
        assertEquals(AT, SqlTimestamps.instant(AT));
        assertEquals(AT, SqlTimestamps.instant(AT.atOffset(ZoneOffset.ofHours(8))));
        assertEquals(AT, SqlTimestamps.instant(Timestamp.from(AT)));
        assertNull(SqlTimestamps.instant(null));
    }

    @Test
    void aColumnThatIsNotATimestampIsAProgrammingErrorNotAGuess() {
        assertThrows(IllegalArgumentException.class, () -> SqlTimestamps.instant("2026-12-02T10:15:30Z"));
        assertThrows(IllegalArgumentException.class, () -> SqlTimestamps.instant(OffsetDateTime.now().toLocalDate()));
    }
}
