package dev.reel.gateway.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local launcher's view of the instances it runs, read from its {@code <data>/run/state.json} (written by {@code
 * reel up}, see ops/launcher's {@code RunState}): every instance it started, with its zone, port, pid and restarts,
 * whether or not discovery still lists it.
 */
final class LauncherView {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LauncherView() {}

    /**
     * One instance the launcher runs.
     *
     * @param service service name
     * @param index instance index within the service
     * @param zone zone id
     * @param port HTTP port (on this host)
     * @param pid pid of its current process, or 0 if none was started
     * @param restarts how often the launcher restarted it
     * @param running whether that process is alive now
     */
    record Launched(String service, int index, String zone, int port, long pid, int restarts, boolean running) {}

    /** Reads {@code stateFile}, judging liveness with {@link ProcessHandle}. */
    static Optional<List<Launched>> read(Path stateFile) {
        return read(stateFile, LauncherView::alive);
    }

    /**
     * Reads {@code stateFile}.
     *
     * @param alive whether a pid names a live process
     * @return empty if the file is missing or unreadable, or the launcher that wrote it is no longer alive (a stale
     *     file from a run that was killed)
     */
    static Optional<List<Launched>> read(Path stateFile, LongPredicate alive) {
        JsonNode state;
        try {
            state = JSON.readTree(Files.readString(stateFile));
        } catch (IOException | JacksonException e) {
            return Optional.empty();
        }
        if (!alive.test(state.path("launcherPid").asLong(0))) {
            return Optional.empty();
        }
        List<Launched> instances = new ArrayList<>();
        for (JsonNode instance : state.path("instances")) {
            long pid = instance.path("pid").asLong(0);
            instances.add(new Launched(
                    instance.path("service").asString(""),
                    instance.path("index").asInt(0),
                    instance.path("zone").asString(""),
                    instance.path("port").asInt(0),
                    pid,
                    instance.path("restarts").asInt(0),
                    alive.test(pid)));
        }
        return Optional.of(List.copyOf(instances));
    }

    private static boolean alive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
