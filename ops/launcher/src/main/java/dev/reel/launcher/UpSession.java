package dev.reel.launcher;

import dev.reel.launcher.infra.Infrastructure;
import dev.reel.launcher.state.Holds;
import dev.reel.launcher.state.PidFile;
import dev.reel.launcher.state.RunLock;
import dev.reel.launcher.state.RunState;
import dev.reel.launcher.state.RunState.InstanceState;
import dev.reel.launcher.supervisor.BackoffPolicy;
import dev.reel.launcher.supervisor.ChildJvm;
import dev.reel.launcher.supervisor.HealthProbe;
import dev.reel.launcher.supervisor.StartupFailedException;
import dev.reel.launcher.supervisor.Supervisor;
import dev.reel.launcher.topology.Instance;
import dev.reel.launcher.topology.LaunchPlan;
import dev.reel.launcher.topology.ServiceTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * One run of {@code reel up}: owns the data directory's run lock and pid file, the infrastructure, the supervisor
 * and {@code state.json}, and tears them all down exactly once, whichever thread asks first (the main thread after a
 * failed start, or the shutdown hook on Ctrl-C / SIGTERM).
 */
final class UpSession {

    /** How long each stage of children gets to exit after SIGTERM before it is killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(15);

    /** How long the background task gets to stop after an interrupt before the children are stopped anyway. */
    static final Duration BACKGROUND_GRACE = Duration.ofSeconds(5);

    private final Layout layout;
    private final PrintWriter out;
    private final RunLock lock;
    private final Infrastructure infrastructure;
    private final HealthProbe probe = new HealthProbe();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private @Nullable Supervisor supervisor;
    private @Nullable Thread background;
    private RunState state;
    private boolean shutDown;
    private boolean startedAnything;

    private UpSession(Layout layout, PrintWriter out, RunLock lock) {
        this.layout = layout;
        this.out = out;
        this.lock = lock;
        this.infrastructure = new Infrastructure(new Infrastructure.Settings(
                layout.postgresDirectory(),
                ServiceTable.POSTGRES_PORT,
                ServiceTable.DATABASES,
                layout.kafkaDirectory(),
                layout.kafkaClusterIdFile(),
                ServiceTable.KAFKA_PORT,
                ServiceTable.KAFKA_CONTROLLER_PORT,
                layout.postgresLog()));
        ProcessHandle self = ProcessHandle.current();
        this.state = new RunState(
                self.pid(),
                startedAt(),
                layout.home().toString(),
                ServiceTable.POSTGRES_PORT,
                0,
                ServiceTable.KAFKA_PORT,
                List.of());
    }

    /**
     * Takes the data directory for this process and writes the pid file.
     *
     * @throws LauncherException (exit 1) if another launcher holds the data directory
     */
    static UpSession open(Layout layout, PrintWriter out) {
        RunLock lock = RunLock.tryAcquire(layout.lockFile())
                .orElseThrow(() -> new LauncherException(
                        "Reel is already running (pid "
                                + PidFile.read(layout.pidFile())
                                        .map(String::valueOf)
                                        .orElse("unknown")
                                + "). Use `reel status` or `reel down`.",
                        1));
        PidFile.write(layout.pidFile(), ProcessHandle.current().pid());
        return new UpSession(layout, out, lock);
    }

    /** Starts PostgreSQL and Kafka and records the postmaster pid. */
    void startInfrastructure() throws IOException {
        synchronized (this) {
            if (shutDown) {
                throw new LauncherException("Reel is shutting down.", 1);
            }
            startedAnything = true;
        }
        infrastructure.start(this::print);
        synchronized (this) {
            state = state.withPostgresPid(infrastructure.postgresPid());
            writeState();
        }
    }

    /**
     * Starts the plan's instances stage by stage; within a stage, one instance of each service first, then the replicas.
     *
     * @throws StartupFailedException if an instance fails to become healthy, or the session is shutting down
     */
    void startServices(LaunchPlan plan, ChildJvm jvm, Duration stageTimeout)
            throws StartupFailedException, IOException {
        Supervisor created;
        synchronized (this) {
            if (shutDown) {
                throw new LauncherException("Reel is shutting down.", 1);
            }
            created = new Supervisor(
                    jvm,
                    layout.logDirectory(),
                    BackoffPolicy.DEFAULT,
                    stageTimeout,
                    probe,
                    new Supervisor.Listener(this::print, this::instancesChanged),
                    new Holds(layout.holdsDirectory()));
            supervisor = created;
        }
        for (List<Instance> stage : plan.stages().values()) {
            // One instance of every service first, then the extra replicas: a dozen JVMs starting at once on two cores
            // slow each other down so much that some miss the start timeout, and one of each is enough to serve.
            created.startStage(stage.stream().filter(i -> i.index() == 0).toList());
            List<Instance> replicas = stage.stream().filter(i -> i.index() > 0).toList();
            if (!replicas.isEmpty()) {
                created.startStage(replicas);
            }
        }
    }

    /**
     * Runs {@code task} on a daemon thread beside the supervision (the demo seed). {@link #shutdown()} interrupts it
     * and waits up to {@link #BACKGROUND_GRACE} for it before stopping the children it may be talking to. Does nothing
     * once shutdown has begun.
     */
    synchronized void startBackground(String name, Runnable task) {
        if (shutDown) {
            return;
        }
        background = Thread.ofPlatform().daemon().name(name).start(task);
    }

    /** The instances started so far. */
    synchronized List<InstanceState> instances() {
        return state.instances();
    }

    /** The probe shared by this session. */
    HealthProbe probe() {
        return probe;
    }

    /** When this launcher JVM started (millisecond precision, unlike the process start time from /proc). */
    static Instant startedAt() {
        return Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    /** Whether {@link #shutdown()} has begun. */
    synchronized boolean isShuttingDown() {
        return shutDown;
    }

    /**
     * Stops the children (reverse stage order), then Kafka, then PostgreSQL, and removes the run files. Runs once;
     * later and concurrent calls wait for that run to finish.
     */
    synchronized void shutdown() {
        if (shutDown) {
            return;
        }
        shutDown = true;
        long begin = System.nanoTime();
        if (startedAnything) {
            print("Stopping Reel...");
            stopBackground();
            if (supervisor != null) {
                supervisor.stopAll(STOP_GRACE);
            }
            long infraBegin = System.nanoTime();
            infrastructure.close();
            print(String.format("stopped kafka and postgres in %.1f s", (System.nanoTime() - infraBegin) / 1e9));
        }
        probe.close();
        PidFile.delete(layout.stateFile());
        PidFile.delete(layout.pidFile());
        lock.close();
        if (startedAnything) {
            print(String.format("Reel stopped in %.1f s.", (System.nanoTime() - begin) / 1e9));
        }
        stopped.countDown();
    }

    /** Blocks until {@link #shutdown()} has completed. */
    void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    private void stopBackground() {
        Thread task = background;
        if (task == null || !task.isAlive()) {
            return;
        }
        task.interrupt();
        try {
            task.join(BACKGROUND_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void instancesChanged(List<InstanceState> instances) {
        state = state.withInstances(instances);
        writeState();
    }

    private void writeState() {
        if (!shutDown) {
            state.writeTo(layout.stateFile());
        }
    }

    /** Prints a line to the launcher's console; safe from any thread. */
    void print(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
