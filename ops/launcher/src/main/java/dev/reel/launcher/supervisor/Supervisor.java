package dev.reel.launcher.supervisor;

import dev.reel.launcher.state.Holds;
import dev.reel.launcher.state.RunState.InstanceState;
import dev.reel.launcher.topology.Instance;
import dev.reel.launcher.topology.Stage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs the child JVMs: starts them stage by stage, waits for their health, restarts crashed instances with backoff,
 * and stops them all in reverse stage order. Instances that never became healthy are not restarted; their stage fails
 * instead.
 *
 * <p>Crash handling runs on its own threads: a restart never waits for another instance, a stage or the caller.
 * {@link #stopAll} may be called from any thread (typically a shutdown hook), also while a stage is starting; nothing
 * is started or restarted after it.
 *
 * <p>Chaos holds ({@link Holds}): when an instance exits while a hold for it lies in the future, its restart waits
 * until the hold ends instead of the backoff delay; the hold is released when the instance is restarted.
 */
public final class Supervisor {

    /**
     * What the supervisor tells its owner.
     *
     * @param console one line for the user per event (ready, exited, restarting, ...)
     * @param instancesChanged called after an instance was started or restarted, with all instances
     */
    public record Listener(Consumer<String> console, Consumer<List<InstanceState>> instancesChanged) {}

    /** A hold ending within this much of a scheduled restart no longer postpones it (timer granularity). */
    private static final Duration HOLD_SLACK = Duration.ofMillis(500);

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ChildJvm jvm;
    private final Path logDirectory;
    private final BackoffPolicy policy;
    private final Duration startTimeout;
    private final HealthProbe probe;
    private final Listener listener;
    private final Holds holds;
    private final List<ChildProcess> children = new ArrayList<>();
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "reel-restarts");
        thread.setDaemon(true);
        return thread;
    });
    private boolean stopping;

    /**
     * Creates a supervisor with nothing started.
     *
     * @param startTimeout how long an instance may take to become healthy, at start-up and after a restart
     * @param holds where {@code reel chaos} asks to keep instances down ({@code <data>/run/holds})
     */
    public Supervisor(
            ChildJvm jvm,
            Path logDirectory,
            BackoffPolicy policy,
            Duration startTimeout,
            HealthProbe probe,
            Listener listener,
            Holds holds) {
        this.jvm = jvm;
        this.logDirectory = logDirectory;
        this.policy = policy;
        this.startTimeout = startTimeout;
        this.probe = probe;
        this.listener = listener;
        this.holds = holds;
    }

    /**
     * Starts {@code instances} in parallel and returns once all are healthy. Each one's readiness is reported as it
     * happens ("registry-0 ready in 12.3 s").
     *
     * @throws StartupFailedException for the first instance that exits or is not healthy within the start timeout,
     *     or if the supervisor is stopping; the instances stay running (call {@link #stopAll})
     * @throws IOException if a JVM cannot be launched at all
     */
    public void startStage(List<Instance> instances) throws StartupFailedException, IOException {
        long begin = System.nanoTime();
        var started = new ArrayList<ChildProcess>();
        synchronized (this) {
            for (Instance instance : instances) {
                if (stopping) {
                    throw new StartupFailedException(instance, logFile(instance), "Reel is shutting down");
                }
                var child = new ChildProcess(instance, jvm, logFile(instance), policy);
                children.add(child);
                watch(child, child.start());
                started.add(child);
            }
        }
        notifyInstancesChanged();
        var firstFailure = new CompletableFuture<StartupFailedException>();
        var abort = new AtomicBoolean();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<?>[] waits = started.stream()
                    .map(child -> CompletableFuture.runAsync(
                            () -> {
                                try {
                                    awaitFirstHealthy(child, begin, abort);
                                } catch (StartupFailedException e) {
                                    firstFailure.complete(e);
                                }
                            },
                            executor))
                    .toArray(CompletableFuture<?>[]::new);
            CompletableFuture.anyOf(CompletableFuture.allOf(waits), firstFailure)
                    .join();
            if (firstFailure.isDone()) {
                abort.set(true);
                throw firstFailure.join();
            }
        }
    }

    private void awaitFirstHealthy(ChildProcess child, long beginNanos, AtomicBoolean abort)
            throws StartupFailedException {
        Process run = child.process().orElseThrow();
        Instance instance = child.instance();
        boolean up = probe.awaitUp(instance.port(), startTimeout, () -> run.isAlive() && !isStopping() && !abort.get());
        if (up) {
            child.markHealthy(run);
            listener.console()
                    .accept(String.format(
                            "%s ready in %s (%s, port %d, pid %d)",
                            instance.name(),
                            seconds(beginNanos),
                            instance.zone().id(),
                            instance.port(),
                            run.pid()));
            return;
        }
        String reason;
        if (isStopping() || abort.get()) {
            reason = "start-up was aborted";
        } else if (!run.isAlive()) {
            reason = instance.name() + " exited during start-up (code " + run.exitValue() + ")";
        } else {
            reason = instance.name() + " did not become healthy within " + startTimeout.toSeconds() + " s";
        }
        throw new StartupFailedException(instance, child.logFile(), reason);
    }

    private void watch(ChildProcess child, Process run) {
        run.onExit().thenRun(() -> onExit(child, run));
    }

    private void onExit(ChildProcess child, Process run) {
        if (isStopping() || !child.everHealthy()) {
            return;
        }
        Optional<Duration> backoff = child.onExit(run);
        if (backoff.isEmpty()) {
            return;
        }
        String name = child.instance().name();
        Holds.RestartDelay delay = holds.restartDelay(name, backoff.get(), Instant.now());
        if (delay.heldUntil().isPresent()) {
            listener.console()
                    .accept(String.format(
                            "%s held down by chaos until %s (exited with code %d)",
                            name, clock(delay.heldUntil().get()), run.exitValue()));
        } else {
            listener.console()
                    .accept(String.format(
                            "%s exited (code %d); restarting in %s", name, run.exitValue(), human(delay.delay())));
        }
        schedule(child, delay.delay());
    }

    private void schedule(ChildProcess child, Duration delay) {
        try {
            restarts.schedule(() -> restart(child), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    private void restart(ChildProcess child) {
        String name = child.instance().name();
        // a hold written or extended while the instance was down keeps it down longer
        Holds.RestartDelay held = holds.restartDelay(name, Duration.ZERO, Instant.now());
        if (held.delay().compareTo(HOLD_SLACK) > 0) {
            listener.console()
                    .accept(name + " held down by chaos until "
                            + clock(held.heldUntil().get()));
            schedule(child, held.delay());
            return;
        }
        Process run;
        long begin = System.nanoTime();
        synchronized (this) {
            if (stopping) {
                return;
            }
            holds.release(name);
            try {
                run = child.start();
                watch(child, run);
            } catch (IOException | RuntimeException e) {
                listener.console().accept(child.instance().name() + " could not be restarted: " + e.getMessage());
                return;
            }
        }
        listener.console()
                .accept(String.format(
                        "%s restarted (pid %d, restart #%d)", child.instance().name(), run.pid(), child.restarts()));
        notifyInstancesChanged();
        Thread.ofVirtual().name("reel-health-" + child.instance().name()).start(() -> {
            if (probe.awaitUp(child.instance().port(), startTimeout, () -> run.isAlive() && !isStopping())) {
                child.markHealthy(run);
                listener.console().accept(child.instance().name() + " ready again in " + seconds(begin));
            }
        });
    }

    /** Returns the current state of every started instance, in start order. */
    public synchronized List<InstanceState> snapshot() {
        return children.stream()
                .map(child -> {
                    Instance instance = child.instance();
                    long pid = child.process().map(Process::pid).orElse(0L);
                    return new InstanceState(
                            instance.service().name(),
                            instance.index(),
                            instance.zone().id(),
                            instance.port(),
                            pid,
                            child.logFile().toString(),
                            child.restarts());
                })
                .toList();
    }

    /**
     * Stops every instance, later stages first: SIGTERM to a whole stage, up to {@code grace} for it to exit, then
     * SIGKILL. Cancels pending restarts and prevents new starts. Idempotent.
     */
    public void stopAll(Duration grace) {
        List<ChildProcess> toStop;
        synchronized (this) {
            stopping = true;
            restarts.shutdownNow();
            toStop = List.copyOf(children);
        }
        List<Stage> reverse = toStop.stream()
                .map(child -> child.instance().service().stage())
                .distinct()
                .sorted(Comparator.reverseOrder())
                .toList();
        for (Stage stage : reverse) {
            List<ChildProcess> inStage = toStop.stream()
                    .filter(child -> child.instance().service().stage() == stage)
                    .toList();
            List<ProcessHandle> alive = inStage.stream()
                    .flatMap(child -> child.process().stream())
                    .filter(Process::isAlive)
                    .map(Process::toHandle)
                    .toList();
            if (alive.isEmpty()) {
                continue;
            }
            long begin = System.nanoTime();
            boolean graceful = ProcessTree.terminate(alive, grace);
            listener.console()
                    .accept(String.format(
                            "stopped %s in %s%s",
                            String.join(
                                    ", ",
                                    inStage.stream()
                                            .map(child -> child.instance().name())
                                            .toList()),
                            seconds(begin),
                            graceful ? "" : " (killed after " + grace.toSeconds() + " s)"));
        }
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    private void notifyInstancesChanged() {
        listener.instancesChanged().accept(snapshot());
    }

    private Path logFile(Instance instance) {
        return logDirectory.resolve(instance.name() + ".log");
    }

    private static String seconds(long beginNanos) {
        return String.format("%.1f s", (System.nanoTime() - beginNanos) / 1e9);
    }

    private static String clock(Instant instant) {
        return LocalTime.ofInstant(instant, ZoneId.systemDefault()).format(CLOCK);
    }

    private static String human(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
