package org.linkage.intake.support;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the SQL statements Hibernate prepares, on every thread, while a bench has it switched on: the submit path
 * runs on HTTP worker threads and the status consumer on the messaging thread, so a per-thread count would miss them.
 * Statements sent by plain JDBC (the outbox relay) are not seen here; the bench reads those from the database's own
 * transaction counter.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class StatementTally implements StatementInspector {
    private static volatile boolean counting;
    /** The bench's own thread, whose reads (waiting for the work to finish) are not the work's. */
    private static volatile Thread observer;
    private static final AtomicLong STATEMENTS = new AtomicLong();

    @Override
    public String inspect(String sql) {
        if (counting && Thread.currentThread() != observer) {
            STATEMENTS.incrementAndGet();
        }
        return sql;
    }

    /** Counts from now on, except the statements of the calling thread. */
    public static void start() {
        STATEMENTS.set(0);
        observer = Thread.currentThread();
        counting = true;
    }

    /** @return statements since {@link #start()} */
    public static long stop() {
        counting = false;
        return STATEMENTS.get();
    }
}
