package dev.reel.launcher.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The embedded infrastructure of a local Reel: PostgreSQL with one database per service, and a Kafka KRaft broker.
 * Both keep their data under the given directories, so a restart finds the databases and topics of the last run.
 *
 * <p>{@link #start} and {@link #close} may be called from different threads (a shutdown hook may close while start
 * is still running); close then waits for start to finish and stops whatever it started.
 */
public final class Infrastructure implements AutoCloseable {

    /**
     * Where and how the infrastructure runs.
     *
     * @param postgresDirectory PostgreSQL data directory
     * @param postgresPort PostgreSQL port
     * @param databases databases to create if missing
     * @param kafkaDirectory Kafka log directory
     * @param kafkaClusterIdFile file that keeps the Kafka cluster id
     * @param kafkaPort Kafka broker port
     * @param kafkaControllerPort KRaft controller port
     * @param postgresLog file that receives the PostgreSQL server output
     */
    public record Settings(
            Path postgresDirectory,
            int postgresPort,
            List<String> databases,
            Path kafkaDirectory,
            Path kafkaClusterIdFile,
            int kafkaPort,
            int kafkaControllerPort,
            Path postgresLog) {

        public Settings {
            databases = List.copyOf(databases);
        }
    }

    private final Settings settings;
    private final Object lock = new Object();
    private @Nullable PostgresServer postgres;
    private @Nullable KafkaBroker kafka;
    private boolean closed;

    /** Creates a stopped infrastructure. */
    public Infrastructure(Settings settings) {
        this.settings = settings;
    }

    /**
     * Starts PostgreSQL (creating the missing databases) and Kafka in parallel, reporting each one's readiness to
     * {@code progress} as it happens.
     *
     * @throws IOException if either fails; whatever did start is stopped again
     * @throws IllegalStateException if this was already started or closed
     */
    public void start(Consumer<String> progress) throws IOException {
        synchronized (lock) {
            if (closed || postgres != null || kafka != null) {
                throw new IllegalStateException("infrastructure already started or closed");
            }
            long begin = System.nanoTime();
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                CompletableFuture<PostgresServer> pg = CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                PostgresServer server = PostgresServer.start(
                                        settings.postgresDirectory(), settings.postgresPort(), settings.postgresLog());
                                try {
                                    server.createDatabases(settings.databases());
                                } catch (SQLException e) {
                                    server.close();
                                    throw e;
                                }
                                progress.accept(String.format(
                                        "postgres ready on port %d in %s (databases: %s)",
                                        server.port(), seconds(begin), String.join(", ", settings.databases())));
                                return server;
                            } catch (IOException | SQLException e) {
                                throw new CompletionException(e);
                            }
                        },
                        executor);
                CompletableFuture<KafkaBroker> broker = CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                KafkaBroker server = KafkaBroker.start(
                                        settings.kafkaDirectory(),
                                        settings.kafkaClusterIdFile(),
                                        settings.kafkaPort(),
                                        settings.kafkaControllerPort());
                                progress.accept(String.format(
                                        "kafka ready on port %d in %s", settings.kafkaPort(), seconds(begin)));
                                return server;
                            } catch (IOException e) {
                                throw new CompletionException(e);
                            }
                        },
                        executor);
                CompletableFuture.allOf(pg, broker).exceptionally(t -> null).join();
                postgres = pg.state() == Future.State.SUCCESS ? pg.resultNow() : null;
                kafka = broker.state() == Future.State.SUCCESS ? broker.resultNow() : null;
                @Nullable IOException failure = failure(null, pg, "PostgreSQL");
                failure = failure(failure, broker, "Kafka");
                if (failure != null) {
                    closeStarted();
                    throw failure;
                }
            }
        }
    }

    private static @Nullable IOException failure(
            @Nullable IOException previous, CompletableFuture<?> future, String what) {
        if (future.state() != Future.State.FAILED) {
            return previous;
        }
        Throwable cause = future.exceptionNow();
        if (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        var failure = new IOException(what + " failed to start: " + cause.getMessage(), cause);
        if (previous == null) {
            return failure;
        }
        previous.addSuppressed(failure);
        return previous;
    }

    /** The postmaster pid, or 0 if PostgreSQL is not running. */
    public long postgresPid() {
        synchronized (lock) {
            return postgres != null ? postgres.postmasterPid() : 0;
        }
    }

    /** The running PostgreSQL. */
    public PostgresServer postgres() {
        synchronized (lock) {
            if (postgres == null) {
                throw new IllegalStateException("PostgreSQL is not running");
            }
            return postgres;
        }
    }

    /** The running Kafka broker. */
    public KafkaBroker kafka() {
        synchronized (lock) {
            if (kafka == null) {
                throw new IllegalStateException("Kafka is not running");
            }
            return kafka;
        }
    }

    /** Stops Kafka, then PostgreSQL. Idempotent; never throws (failures are reported to standard error). */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            closeStarted();
        }
    }

    private void closeStarted() {
        if (kafka != null) {
            try {
                kafka.close();
            } catch (RuntimeException e) {
                System.err.println("Kafka did not stop cleanly: " + e);
            }
            kafka = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException | RuntimeException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e);
            }
            postgres = null;
        }
    }

    private static String seconds(long beginNanos) {
        return String.format(
                "%.1f s", Duration.ofNanos(System.nanoTime() - beginNanos).toMillis() / 1000.0);
    }
}
