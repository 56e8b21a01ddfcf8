package dev.reel.launcher.chaos;

import dev.reel.launcher.AdminApiOptions;
import dev.reel.launcher.DataDirOption;
import dev.reel.launcher.LauncherException;
import dev.reel.launcher.Layout;
import dev.reel.launcher.ReelCommand;
import dev.reel.launcher.RunningLauncher;
import dev.reel.launcher.state.RunState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A {@code reel chaos} subcommand: checks its options, then that the caller is an admin and chaos is on
 * ({@code GET /api/v1/chaos}), then does its work.
 */
abstract class ChaosCall implements Callable<Integer> {

    @Mixin
    private DataDirOption dataDirectory = new DataDirOption();

    @Mixin
    private AdminApiOptions api = new AdminApiOptions();

    @Spec
    private CommandSpec spec;

    /**
     * Checks option values picocli cannot check alone.
     *
     * @throws ParameterException (see {@link #usageError}) for a bad combination or range
     */
    void validate() {}

    /**
     * Reads what must be there before the gateway is asked anything (the running launcher, for the commands that
     * kill processes).
     *
     * @throws LauncherException if it is not there
     */
    void prepare(Layout layout) {}

    /**
     * Does the work, printing one line per action.
     *
     * @return the exit code
     */
    abstract int run(ChaosApi chaos, Layout layout, Console console) throws InterruptedException;

    @Override
    public final Integer call() throws InterruptedException {
        validate();
        Layout layout = dataDirectory.layout();
        prepare(layout);
        try (ChaosApi chaos = ChaosApi.connect(api.client(layout), layout)) {
            return run(chaos, layout, new Console(spec.commandLine().getOut()));
        }
    }

    /** A usage error (exit 2) with {@code message}. */
    ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /**
     * The state of the Reel running on {@code layout}'s data directory.
     *
     * @throws LauncherException exit {@value ReelCommand#NOT_RUNNING} if none runs, 1 if it has started no instance
     */
    static RunningState running(Layout layout) {
        RunningLauncher launcher = RunningLauncher.find(layout)
                .orElseThrow(() -> new LauncherException(
                        "Reel is not running on " + layout.dataDirectory() + " (start it with `reel up`).",
                        ReelCommand.NOT_RUNNING));
        RunState state = launcher.state()
                .orElseThrow(() -> new LauncherException("Reel is still starting; no instance runs yet.", 1));
        return new RunningState(launcher.process().pid(), state);
    }

    /**
     * A running launcher and its last state.
     *
     * @param launcherPid the launcher's pid, the parent of every instance
     * @param state its {@code state.json}
     */
    record RunningState(long launcherPid, RunState state) {}
}
