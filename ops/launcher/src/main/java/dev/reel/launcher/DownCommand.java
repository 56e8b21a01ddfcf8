package dev.reel.launcher;

import dev.reel.launcher.state.Holds;
import dev.reel.launcher.state.PidFile;
import dev.reel.launcher.state.RunState;
import dev.reel.launcher.state.RunState.InstanceState;
import dev.reel.launcher.supervisor.ProcessTree;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code reel down}: asks the launcher to stop (SIGTERM, which runs its orderly shutdown), waits for it, and then
 * cleans up what a killed launcher may have left: child JVMs named in {@code state.json} and a PostgreSQL whose
 * {@code postmaster.pid} is still in the data directory. Exit code 0 also when nothing was running.
 */
@Command(
        name = "down",
        mixinStandardHelpOptions = true,
        description = "Stops the running Reel and anything a killed launcher left behind.")
final class DownCommand implements Callable<Integer> {

    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(10);

    @Mixin
    private DataDirOption dataDirectory = new DataDirOption();

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description = "How long the launcher gets to stop before it is killed (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
        }
        PrintWriter out = spec.commandLine().getOut();
        Layout layout = dataDirectory.layout();
        Optional<RunState> state = RunState.readFrom(layout.stateFile());
        boolean acted = stopLauncher(layout, out);
        long launcherPid = state.map(RunState::launcherPid).orElse(0L);
        acted |= stopLeftovers(state.map(RunState::instances).orElse(List.of()), launcherPid, out);
        acted |= stopLeftoverPostgres(layout, out);
        if (RunningLauncher.find(layout).isEmpty()) {
            PidFile.delete(layout.stateFile());
            PidFile.delete(layout.pidFile());
            new Holds(layout.holdsDirectory()).clear();
        }
        out.println(acted ? "Reel is down." : "Reel is not running.");
        out.flush();
        return 0;
    }

    private boolean stopLauncher(Layout layout, PrintWriter out) {
        Optional<RunningLauncher> launcher = RunningLauncher.find(layout);
        if (launcher.isEmpty()) {
            return false;
        }
        ProcessHandle process = launcher.get().process();
        out.printf("Stopping Reel (launcher pid %d)...%n", process.pid());
        out.flush();
        long begin = System.nanoTime();
        process.destroy();
        if (ProcessTree.awaitExit(List.of(process), Duration.ofSeconds(timeoutSeconds))) {
            out.printf("Launcher stopped in %.1f s.%n", (System.nanoTime() - begin) / 1e9);
        } else {
            ProcessTree.terminate(process, Duration.ZERO);
            out.printf("Launcher did not stop within %d s; killed it.%n", timeoutSeconds);
        }
        return true;
    }

    /** Stops, all at once, the instance JVMs that outlived their launcher (if the pids still belong to them). */
    private static boolean stopLeftovers(List<InstanceState> instances, long launcherPid, PrintWriter out) {
        var leftovers = new LinkedHashMap<InstanceState, ProcessHandle>();
        for (InstanceState instance : instances) {
            ProcessHandle.of(instance.pid())
                    .filter(p -> !ProcessTree.hasExited(p))
                    .filter(p -> isChildOf(p, launcherPid))
                    .ifPresent(p -> leftovers.put(instance, p));
        }
        if (leftovers.isEmpty()) {
            return false;
        }
        boolean graceful = ProcessTree.terminate(leftovers.values(), LEFTOVER_GRACE);
        leftovers.forEach(
                (instance, process) -> out.printf("Stopped leftover %s (pid %d).%n", instance.name(), process.pid()));
        if (!graceful) {
            out.printf("(some did not exit within %d s of SIGTERM and were killed)%n", LEFTOVER_GRACE.toSeconds());
        }
        return true;
    }

    private static boolean isChildOf(ProcessHandle process, long launcherPid) {
        Optional<String[]> arguments = process.info().arguments();
        if (arguments.isEmpty()) {
            return ProcessTree.commandName(process).equals("java");
        }
        return List.of(arguments.get()).contains("-Dreel.launcher.pid=" + launcherPid);
    }

    /** Stops a postmaster still running on the data directory (its launcher was killed). */
    private static boolean stopLeftoverPostgres(Layout layout, PrintWriter out) {
        Optional<ProcessHandle> postmaster = PidFile.readAlive(
                        layout.postgresDirectory().resolve("postmaster.pid"))
                .filter(p -> !ProcessTree.hasExited(p))
                .filter(p -> ProcessTree.commandName(p).startsWith("postgres"));
        if (postmaster.isEmpty()) {
            return false;
        }
        // SIGTERM is PostgreSQL's "smart" shutdown; its clients are gone by now, so it exits promptly
        boolean graceful = ProcessTree.terminate(postmaster.get(), Duration.ofSeconds(15));
        out.printf(
                "%s leftover PostgreSQL (pid %d).%n",
                graceful ? "Stopped" : "Killed", postmaster.get().pid());
        return true;
    }
}
