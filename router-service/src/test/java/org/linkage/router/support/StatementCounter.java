package org.linkage.router.support;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the SQL statements Hibernate sends on the calling thread while a piece of work runs. Per
 * thread rather than Hibernate's global statistics, because the outbox relay and the consumers keep
 * issuing statements of their own in the background and would blur the figure.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class StatementCounter implements StatementInspector {
    private static final ThreadLocal<AtomicInteger> ON_THIS_THREAD = new ThreadLocal<>();
    private static final ThreadLocal<java.util.List<String>> SEEN = new ThreadLocal<>();

    @Override
    public String inspect(String sql) {
        AtomicInteger count = ON_THIS_THREAD.get();
        if (count != null) {
            count.incrementAndGet();
        }
        java.util.List<String> seen = SEEN.get();
        if (seen != null) {
            seen.add(sql);
        }
        return sql;
    }

    public static int count(Runnable work) {
        AtomicInteger count = new AtomicInteger();
        ON_THIS_THREAD.set(count);
        try {
            work.run();
        } finally {
            ON_THIS_THREAD.remove();
        }
        return count.get();
    }

    /** The statements themselves, in order, for finding out what a piece of work sends. */
    public static java.util.List<String> statements(Runnable work) {
        java.util.List<String> seen = new java.util.ArrayList<>();
        SEEN.set(seen);
        try {
            work.run();
        } finally {
            SEEN.remove();
        }
        return seen;
    }
}
