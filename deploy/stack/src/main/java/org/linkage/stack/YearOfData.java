package org.linkage.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fills a running stack's databases with a year of data before measuring (README, "Pipeline benchmark"): about
 * 1,000,000 calls in intake and 400,000 tickets in the router, in straight SQL (bench/year-of-data-*.sql). Does
 * nothing if the year is already there, so it can precede every benchmark run.
 *
 * <pre>java -cp "deploy/stack/target/linkage-stack.jar:deploy/stack/target/lib/*" org.linkage.stack.YearOfData [calls=1000000]</pre>
 */
public final class YearOfData {
    private YearOfData() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String url = System.getenv().getOrDefault("LINKAGE_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:15432/postgres");
        String user = System.getenv().getOrDefault("LINKAGE_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("LINKAGE_POSTGRES_PASSWORD", "");
        generate(url, user, password, calls, System.out::println);
    }

    /** @param postgresUrl any database of the server; intake's and the router's are found beside it */
    public static void generate(String postgresUrl, String user, String password, int calls,
                                java.util.function.Consumer<String> progress) throws SQLException, IOException {
        String intake = postgresUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/intake$1");
        String router = postgresUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/router$1");
        long have = count(intake, user, password, "select count(*) from call where taken_by = 'year-of-data'");
        if (have > 0) {
            progress.accept("intake already holds " + have + " year-of-data calls; nothing to do");
            return;
        }
        long t0 = System.nanoTime();
        run(intake, user, password, "/bench/year-of-data-intake.sql", calls);
        progress.accept(String.format("intake: %d calls in %.0f s", count(intake, user, password,
                "select count(*) from call where taken_by = 'year-of-data'"), (System.nanoTime() - t0) / 1e9));
        t0 = System.nanoTime();
        run(router, user, password, "/bench/year-of-data-router.sql", calls);
        progress.accept(String.format("router: %d tickets in %.0f s", count(router, user, password,
                "select count(*) from ticket where channel = 'year-of-data'"), (System.nanoTime() - t0) / 1e9));
    }

    private static void run(String url, String user, String password, String script, int calls)
            throws SQLException, IOException {
        String sql = (resource("/bench/year-of-data-common.sql") + "\n" + resource(script))
                .replace(":calls", Integer.toString(calls));
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute(sql);
            c.commit();
            // Without fresh statistics the planner keeps the empty database's estimates until autovacuum comes
            // round, and a bench run in those minutes measures plans no running system has: the idempotency
            // lookup walked all of a call-taker's calls by (taken_by, received_at) instead of its unique index.
            c.setAutoCommit(true);
            st.execute("analyze");
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = YearOfData.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long count(String url, String user, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
