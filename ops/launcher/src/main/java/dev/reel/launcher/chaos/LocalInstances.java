package dev.reel.launcher.chaos;

import dev.reel.launcher.state.RunState.InstanceState;
import java.util.List;
import java.util.Optional;

/** The live processes of a local Reel's instances, found from {@code state.json}. */
final class LocalInstances {

    private LocalInstances() {}

    /**
     * The live process of {@code instance}, if its pid still belongs to an instance JVM of the launcher
     * {@code launcherPid} (a pid in {@code state.json} may be stale, and the OS reuses pids).
     *
     * @return empty if the instance is not running (it crashed or is being restarted)
     */
    static Optional<ProcessHandle> process(InstanceState instance, long launcherPid) {
        return ProcessHandle.of(instance.pid())
                .filter(ProcessHandle::isAlive)
                .filter(process -> belongsTo(process, launcherPid));
    }

    private static boolean belongsTo(ProcessHandle process, long launcherPid) {
        if (process.parent().map(ProcessHandle::pid).orElse(-1L) == launcherPid) {
            return true;
        }
        return process.info()
                .arguments()
                .map(arguments -> List.of(arguments).contains("-Dreel.launcher.pid=" + launcherPid))
                .orElse(false);
    }

    /** The instance named {@code name} ({@code catalog-1}) in {@code instances}. */
    static Optional<InstanceState> named(List<InstanceState> instances, String name) {
        return instances.stream().filter(i -> i.name().equals(name)).findFirst();
    }
}
