package org.linkage.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The connection pool's warnings while a piece of work runs in the service under test, e.g. "Closing open
 * connection(s) prior to commit": a handle left open inside a transaction, which the pool closes at commit.
 */
public final class PoolWarnings {
    private PoolWarnings() {
    }

    public static List<String> during(Runnable work) {
        List<String> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    synchronized (warnings) {
                        warnings.add(new SimpleFormatter().formatMessage(r));
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger pool = Logger.getLogger("io.agroal");
        pool.addHandler(handler);
        try {
            work.run();
        } finally {
            pool.removeHandler(handler);
        }
        synchronized (warnings) {
            return List.copyOf(warnings);
        }
    }
}
