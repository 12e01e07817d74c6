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
    private static final ThreadLocal<java.util.List<String>> ON_THIS_THREAD = new ThreadLocal<>();

    @Override
    public String inspect(String sql) {
        java.util.List<String> seen = ON_THIS_THREAD.get();
        if (seen != null) {
            seen.add(sql);
        }
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

    /**
     * The statements Hibernate prepares on the calling thread while {@code work} runs, in order (a JDBC batch once):
     * for work run on the test's own thread, apart from the relay and the timers beside it.
     */
    public static java.util.List<String> onThisThread(Runnable work) {
        java.util.List<String> seen = new java.util.ArrayList<>();
        ON_THIS_THREAD.set(seen);
        try {
            work.run();
        } finally {
            ON_THIS_THREAD.remove();
        }
        return seen;
    }
}
