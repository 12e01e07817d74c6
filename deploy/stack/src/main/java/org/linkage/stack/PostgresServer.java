package org.linkage.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL: embedded binaries by default, or an existing server given by URL. Either way
 * each service gets a database of its own on it.
 */
public final class PostgresServer implements AutoCloseable {
    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String adminDatabase;
    private Path dataDir;

    private PostgresServer(EmbeddedPostgres embedded, String host, int port, String user, String password,
                           String adminDatabase) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.adminDatabase = adminDatabase;
    }

    /**
     * @param dataDir kept across restarts unless {@code clean}
     */
    public static PostgresServer embedded(Path dataDir, int port, boolean clean) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(clean)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", clean ? "off" : "on")
                    .start();
            PostgresServer server = new PostgresServer(pg, "127.0.0.1", pg.getPort(), "postgres", "", "postgres");
            server.dataDir = dataDir;
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start: " + e.getMessage(), e);
        }
    }

    /**
     * An existing server, given as {@code jdbc:postgresql://host:port/database}; the user must be
     * allowed to create databases.
     */
    public static PostgresServer external(String jdbcUrl, String user, String password) {
        String rest = jdbcUrl.replaceFirst("^jdbc:postgresql://", "");
        String hostPort = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        String database = rest.contains("/") ? rest.substring(rest.indexOf('/') + 1).replaceFirst("\\?.*$", "") : "postgres";
        String host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
        int port = hostPort.contains(":") ? Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1)) : 5432;
        PostgresServer server = new PostgresServer(null, host, port, user, password == null ? "" : password,
                database.isEmpty() ? "postgres" : database);
        try (Connection ignored = server.connect(server.adminDatabase)) {
            return server;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to PostgreSQL at " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = connect(adminDatabase); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * How a service reaches its database: Flyway as the migration role, which owns the database, its schema and
     * every object in it; the service itself as the application role, which may only read and write rows. So the
     * service cannot alter or drop a table, nor drop or disable the triggers that keep the audit trail and the ticket
     * history append-only (the same split as the production clusters, deploy/k8s/base/postgres/clusters.yaml).
     */
    public record ServiceDatabase(String jdbcUrl, String migrator, String migratorPassword, String app,
                                  String appPassword) {
    }

    /**
     * Creates the database unless it exists, with its migration role {@code <name>_migrator} and application role
     * {@code <name>_app}, and hands objects an earlier version created as the administrative user over to the
     * migration role. Idempotent: run at every start. The local roles' passwords are fixed, as the local
     * stack's other demo credentials are; an external server's user must be allowed to create roles.
     */
    public ServiceDatabase createServiceDatabase(String name) {
        createDatabase(name);
        String migrator = name + "_migrator";
        String app = name + "_app";
        String migratorPassword = "local-" + migrator;
        String appPassword = "local-" + app;
        try (Connection c = connect(adminDatabase); Statement s = c.createStatement()) {
            for (String[] role : new String[][] {{migrator, migratorPassword}, {app, appPassword}}) {
                s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role[0] + "') then "
                        + "create role " + role[0] + " login; end if; end $$");
                s.execute("alter role " + role[0] + " login nosuperuser nocreatedb nocreaterole password '" + role[1] + "'");
            }
            s.execute("alter database " + name + " owner to " + migrator);
            s.execute("grant connect, temporary on database " + name + " to " + app);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the roles of database " + name + ": " + e.getMessage(), e);
        }
        try (Connection c = connect(name); Statement s = c.createStatement()) {
            s.execute("alter schema public owner to " + migrator);
            // PostgreSQL before 15 lets every role create tables in public: only the migration role may
            s.execute("revoke create on schema public from public");
            s.execute("grant usage on schema public to " + app);
            s.execute("""
                    do $$ declare o record; begin
                      for o in select c.oid::regclass as name, c.relkind from pg_class c
                               join pg_namespace n on n.oid = c.relnamespace
                               where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')
                                 and c.relowner <> '%1$s'::regrole
                                 and not exists (select from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i', 'e'))
                      loop
                        execute format('alter %%s %%s owner to %1$s', case o.relkind when 'v' then 'view'
                          when 'm' then 'materialized view' when 'S' then 'sequence' else 'table' end, o.name);
                      end loop;
                      for o in select p.oid::regprocedure as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                               where n.nspname = 'public' and p.proowner <> '%1$s'::regrole
                                 and not exists (select from pg_depend d where d.objid = p.oid and d.deptype = 'e')
                      loop
                        execute format('alter routine %%s owner to %1$s', o.name);
                      end loop;
                    end $$""".formatted(migrator));
            s.execute("grant select, insert, update, delete on all tables in schema public to " + app);
            s.execute("grant usage, select, update on all sequences in schema public to " + app);
            s.execute("revoke truncate, references, trigger on all tables in schema public from " + app);
            s.execute("alter default privileges for role " + migrator
                    + " in schema public grant select, insert, update, delete on tables to " + app);
            s.execute("alter default privileges for role " + migrator
                    + " in schema public grant usage, select, update on sequences to " + app);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare database " + name + ": " + e.getMessage(), e);
        }
        return new ServiceDatabase(jdbcUrl(name), migrator, migratorPassword, app, appPassword);
    }

    /**
     * Restarts the server: a fast shutdown (every session is cut, uncommitted work rolled back), then the same
     * server on the same port and data. An external server is not ours to restart: there every other session is terminated instead,
     * which the services see the same way (their connections break mid-use).
     */
    public void restart(Path logFile) {
        if (embedded == null) {
            try (Connection c = connect(adminDatabase); Statement s = c.createStatement()) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where pid <> pg_backend_pid()"
                        + " and datname in ('intake', 'router', 'bridge')");
            } catch (SQLException e) {
                throw new IllegalStateException("could not cut the sessions: " + e.getMessage(), e);
            }
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
            // The postmaster's own command line (binary, -D, -p and every -c setting) starts it again as it was.
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            java.util.List<String> command = new java.util.ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                // PostgreSQL refuses to run as root; the embedded launcher starts it in a user namespace too.
                command.addAll(java.util.List.of("unshare", "-U"));
            }
            int from = 0;
            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == 0) {
                    command.add(new String(raw, from, i - from, java.nio.charset.StandardCharsets.UTF_8));
                    from = i + 1;
                }
            }
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            // SIGINT is PostgreSQL's fast shutdown: sessions are cut, open transactions rolled back
            ManagedProcess.run("kill -INT postmaster", java.util.List.of("kill", "-INT", Long.toString(pid)), dataDir,
                    logFile, 30);
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (postmaster.isAlive()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL (pid " + pid + ") did not stop within 90 s");
                }
                Ports.sleep(100);
            }
            new ProcessBuilder(command).directory(dataDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (true) {
                try (Connection ignored = connect(adminDatabase)) {
                    return;
                } catch (SQLException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("PostgreSQL did not come back within 120 s; see " + logFile, e);
                    }
                    Ports.sleep(200);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart PostgreSQL: " + e.getMessage(), e);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
