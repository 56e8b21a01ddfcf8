package dev.reel.launcher;

import dev.reel.launcher.state.PidFile;
import dev.reel.launcher.state.RunLock;
import dev.reel.launcher.state.RunState;
import java.nio.file.Files;
import java.util.Optional;

/**
 * A launcher that currently owns a data directory: it holds the run lock and its pid file names a live process.
 *
 * @param process the launcher process
 * @param state its last written state, if any yet
 */
public record RunningLauncher(ProcessHandle process, Optional<RunState> state) {

    /** Finds the launcher running on {@code layout}'s data directory. Never creates files. */
    public static Optional<RunningLauncher> find(Layout layout) {
        if (!Files.exists(layout.lockFile())) {
            return Optional.empty();
        }
        Optional<RunLock> free = RunLock.tryAcquire(layout.lockFile());
        if (free.isPresent()) {
            free.get().close();
            return Optional.empty();
        }
        return PidFile.readAlive(layout.pidFile())
                .map(process -> new RunningLauncher(process, RunState.readFrom(layout.stateFile())));
    }
}
