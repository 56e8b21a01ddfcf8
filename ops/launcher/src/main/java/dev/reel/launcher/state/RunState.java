package dev.reel.launcher.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The snapshot a running launcher keeps in {@code <data>/run/state.json} for {@code reel status}, {@code reel logs}
 * and {@code reel down}. The launcher rewrites it whenever an instance starts or restarts.
 *
 * @param launcherPid pid of the {@code reel up} JVM, which also hosts Kafka
 * @param startedAt when the launcher started
 * @param home repository root the jars were taken from
 * @param postgresPort embedded PostgreSQL port
 * @param postgresPid postmaster pid, or 0 if PostgreSQL is not running (yet)
 * @param kafkaPort Kafka broker port
 * @param instances the child JVMs started so far
 */
public record RunState(
        long launcherPid,
        Instant startedAt,
        String home,
        int postgresPort,
        long postgresPid,
        int kafkaPort,
        List<InstanceState> instances) {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public RunState {
        instances = List.copyOf(instances);
    }

    /**
     * One child JVM.
     *
     * @param service service name
     * @param index instance index
     * @param zone zone id
     * @param port HTTP port
     * @param pid pid of the current process of this instance
     * @param log absolute path of its log file
     * @param restarts how often the launcher restarted it
     */
    public record InstanceState(String service, int index, String zone, int port, long pid, String log, int restarts) {

        /** The instance name, {@code <service>-<index>}. */
        public String name() {
            return service + "-" + index;
        }
    }

    /** Returns a copy with {@code instances} replaced. */
    public RunState withInstances(List<InstanceState> newInstances) {
        return new RunState(launcherPid, startedAt, home, postgresPort, postgresPid, kafkaPort, newInstances);
    }

    /** Returns a copy with the postmaster pid set. */
    public RunState withPostgresPid(long pid) {
        return new RunState(launcherPid, startedAt, home, postgresPort, pid, kafkaPort, instances);
    }

    /** Serialises to JSON. */
    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /**
     * Parses JSON written by {@link #toJson()}.
     *
     * @throws IllegalArgumentException if the text is not a valid state document
     */
    public static RunState fromJson(String json) {
        try {
            return JSON.readValue(json, RunState.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a Reel state document: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes the state to {@code file} atomically (a reader sees the old or the new document, never a mix), creating
     * parent directories.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public void writeTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, toJson());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Reads the state from {@code file}.
     *
     * @return empty if the file does not exist or is not a valid state document (a launcher that died mid-write)
     */
    public static Optional<RunState> readFrom(Path file) {
        try {
            return Optional.of(fromJson(Files.readString(file)));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
