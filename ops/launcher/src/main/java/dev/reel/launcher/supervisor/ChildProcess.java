package dev.reel.launcher.supervisor;

import dev.reel.launcher.topology.Instance;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One supervised instance across its restarts: the current OS process, when it last became healthy and how often it
 * was restarted. Output (stdout and stderr) of every run is appended to the same log file. Each run gets its own
 * session (see {@link #inOwnSession}). Thread-safe.
 */
public final class ChildProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Instance instance;
    private final ChildJvm jvm;
    private final Path logFile;
    private final RestartBackoff backoff;
    private @Nullable Process process;
    private @Nullable Instant healthySince;
    private boolean everHealthy;
    private int restarts;

    /** Creates a not yet started instance. */
    public ChildProcess(Instance instance, ChildJvm jvm, Path logFile, BackoffPolicy policy) {
        this.instance = instance;
        this.jvm = jvm;
        this.logFile = logFile;
        this.backoff = new RestartBackoff(policy);
    }

    /**
     * Starts a new run. The previous run, if any, must have exited.
     *
     * @throws IOException if the JVM cannot be started
     * @throws IllegalStateException if the previous run is still alive
     */
    public synchronized Process start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(instance.name() + " is still running");
        }
        Files.createDirectories(logFile.getParent());
        // Not the repository root: Spring Boot reads ./config/ from the working directory on its own, and the
        // repository's config/ (the config server's) would then outrank what the config server serves.
        var builder = new ProcessBuilder(inOwnSession(jvm.command(instance)))
                .directory(logFile.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(logFile.toFile()))
                .redirectInput(Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(jvm.environment(instance));
        if (process != null) {
            restarts++;
        }
        healthySince = null;
        process = builder.start();
        return process;
    }

    /**
     * Runs {@code command} through {@code setsid} where available, so the child is not in the terminal's process
     * group: Ctrl-C then reaches only the launcher, which stops the children in reverse stage order. {@code setsid}
     * execs the command in the same process, so the pid stays the JVM's.
     */
    static List<String> inOwnSession(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        var wrapped = new ArrayList<String>(command.size() + 1);
        wrapped.add(SETSID.toString());
        wrapped.addAll(command);
        return wrapped;
    }

    /** Records that the current run reported healthy. */
    public synchronized void markHealthy(Process run) {
        if (run == process && healthySince == null) {
            healthySince = Instant.now();
            everHealthy = true;
        }
    }

    /**
     * Records that {@code run} exited and returns how long to wait before restarting.
     *
     * @return empty if {@code run} is not the current run (a stale notification)
     */
    public synchronized Optional<Duration> onExit(Process run) {
        if (run != process) {
            return Optional.empty();
        }
        return Optional.of(backoff.onExit(healthySince, Instant.now()));
    }

    /** Whether some run of this instance has been healthy; only such instances are restarted after a crash. */
    public synchronized boolean everHealthy() {
        return everHealthy;
    }

    /** The current run, if started. */
    public synchronized Optional<Process> process() {
        return Optional.ofNullable(process);
    }

    /** How often this instance was restarted. */
    public synchronized int restarts() {
        return restarts;
    }

    /** What this runs. */
    public Instance instance() {
        return instance;
    }

    /** Where its output goes. */
    public Path logFile() {
        return logFile;
    }
}
