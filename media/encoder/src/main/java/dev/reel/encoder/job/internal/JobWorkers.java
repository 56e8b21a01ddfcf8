package dev.reel.encoder.job.internal;

import dev.reel.encoder.EncoderProperties;
import dev.reel.encoder.chunk.ChunkAssemblyException;
import dev.reel.encoder.pack.PackagingException;
import dev.reel.encoder.probe.MediaProbeException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This instance's workers: threads that claim tasks from the {@link TaskQueue}, run them with {@link TaskWork} and
 * record the outcome with the {@link JobEngine}, plus one heartbeat thread that renews the leases of running tasks.
 *
 * <p>A worker whose lease renewal fails has lost the task (it took too long between heartbeats and another worker
 * claimed it): it is interrupted, which kills its ffmpeg process, and its result is discarded. On a graceful stop the
 * workers stop claiming, running tasks are interrupted and handed back (ready again, the attempt not counted); a
 * killed instance's tasks come back when their leases expire. Nothing else is needed to resume after a restart: the
 * queue is the state.
 */
@Component
public class JobWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobWorkers.class);
    private static final int RUNNING = 0;
    private static final int COMPLETING = 1;
    private static final int LOST = 2;

    private final TaskQueue queue;
    private final JobEngine engine;
    private final TaskWork work;
    private final EncoderProperties.Jobs settings;
    private final String instanceId;
    private final Map<Long, Running> running = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;
    private @Nullable ScheduledExecutorService heartbeat;
    private boolean started;

    JobWorkers(TaskQueue queue, JobEngine engine, TaskWork work, EncoderProperties properties) {
        this.queue = queue;
        this.engine = engine;
        this.work = work;
        this.settings = properties.jobs();
        String configured = settings.instanceId();
        this.instanceId = configured == null || configured.isBlank() ? generatedInstanceId() : configured;
    }

    /** The name this instance's workers hold leases under: {@code <instance id>/<worker number>}. */
    public String instanceId() {
        return instanceId;
    }

    /** Starts the heartbeat and {@code reel.encoder.jobs.workers} workers. */
    @Override
    public synchronized void start() {
        stopping = false;
        started = true;
        ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("job-heartbeat").daemon(true).factory());
        long period = settings.heartbeat().toMillis();
        beat.scheduleWithFixedDelay(this::renewLeases, period, period, TimeUnit.MILLISECONDS);
        heartbeat = beat;
        addWorkers(settings.workerCount());
        log.info("job workers started: {} as {}", settings.workerCount(), instanceId);
    }

    /**
     * Adds {@code count} workers to a started instance, for example to an API-only instance (workers = 0) that should
     * start working.
     *
     * @throws IllegalStateException if the workers are not running
     */
    public synchronized void addWorkers(int count) {
        if (!started || stopping) {
            throw new IllegalStateException("job workers are not running");
        }
        for (int i = 0; i < count; i++) {
            String owner = instanceId + "/" + threads.size();
            threads.add(Thread.ofPlatform()
                    .name("job-worker-" + threads.size())
                    .daemon(true)
                    .start(() -> loop(owner)));
        }
    }

    /** Stops claiming, interrupts running tasks and hands them back, waiting up to the shutdown grace. */
    @Override
    public synchronized void stop() {
        stopping = true;
        threads.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + settings.shutdownGrace().toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
        ScheduledExecutorService beat = heartbeat;
        if (beat != null) {
            beat.shutdownNow();
        }
        heartbeat = null;
        started = false;
        log.info("job workers stopped");
    }

    @Override
    public synchronized boolean isRunning() {
        return started;
    }

    /**
     * Stops late (lifecycles stop in descending phase order), together with the web server's graceful shutdown; the
     * data source, which hand-backs need, closes only after every lifecycle stopped.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    private void loop(String owner) {
        Duration idle = settings.pollInterval();
        while (!stopping) {
            try {
                Optional<ClaimedTask> claimed = queue.claim(owner, settings.lease());
                if (claimed.isEmpty()) {
                    Thread.sleep(idle);
                    continue;
                }
                process(claimed.get());
            } catch (InterruptedException e) {
                if (stopping) {
                    return;
                }
            } catch (RuntimeException e) {
                // The database is unreachable or a transaction failed: try again after a pause.
                log.warn("job worker {}: {}", owner, e.toString());
                try {
                    Thread.sleep(idle.multipliedBy(2));
                } catch (InterruptedException interrupted) {
                    if (stopping) {
                        return;
                    }
                }
            }
        }
    }

    private void process(ClaimedTask task) {
        Running run = new Running(task, Thread.currentThread());
        running.put(task.id(), run);
        try {
            if (task.attempt() > settings.maxAttempts()) {
                run.state.set(COMPLETING);
                engine.failed(
                        task,
                        new IllegalStateException("its worker was lost " + (task.attempt() - 1) + " times"),
                        true);
                return;
            }
            if (task.kind() == TaskKind.ANALYSE) {
                engine.started(task);
            }
            JobRow job = engine.job(task.jobId());
            log.info("job {}: {} attempt {} on {}", task.jobId(), task.describe(), task.attempt(), task.owner());
            TaskResult result = work.run(task, job);
            if (!run.state.compareAndSet(RUNNING, COMPLETING)) {
                discard(task);
                return;
            }
            running.remove(task.id());
            if (engine.complete(task, result) == JobEngine.Completion.FINISHED) {
                work.cleanUp(task.jobId());
            }
        } catch (Throwable failure) {
            running.remove(task.id());
            boolean lost = !run.state.compareAndSet(RUNNING, COMPLETING) && run.state.get() == LOST;
            boolean interrupted = Thread.interrupted();
            if (lost) {
                discard(task);
            } else if (stopping) {
                if (queue.handBack(task)) {
                    log.info("job {}: {} handed back on shutdown", task.jobId(), task.describe());
                }
            } else {
                if (interrupted) {
                    log.warn("job {}: {} was interrupted", task.jobId(), task.describe());
                }
                engine.failed(task, failure, isPermanent(failure));
            }
        } finally {
            running.remove(task.id());
        }
    }

    private void discard(ClaimedTask task) {
        Thread.interrupted();
        log.warn(
                "job {}: lost the lease of {} (attempt {}); its result is discarded",
                task.jobId(),
                task.describe(),
                task.attempt());
    }

    private void renewLeases() {
        for (Running run : running.values()) {
            if (run.state.get() != RUNNING) {
                continue;
            }
            try {
                if (!queue.renew(run.task, settings.lease()) && run.state.compareAndSet(RUNNING, LOST)) {
                    run.thread.interrupt();
                }
            } catch (RuntimeException e) {
                log.warn("could not renew the lease of task {}: {}", run.task.id(), e.toString());
            }
        }
    }

    static boolean isPermanent(Throwable failure) {
        return failure instanceof PermanentTaskFailure
                || failure instanceof MediaProbeException
                || failure instanceof PackagingException
                || failure instanceof ChunkAssemblyException;
    }

    private static String generatedInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "encoder";
        }
        long pid = ProcessHandle.current().pid();
        byte[] random = new byte[3];
        ThreadLocalRandom.current().nextBytes(random);
        return host + "-" + pid + "-" + HexFormat.of().formatHex(random);
    }

    /** A task being worked on, and the thread to interrupt if its lease is lost. */
    private static final class Running {
        final ClaimedTask task;
        final Thread thread;
        final AtomicInteger state = new AtomicInteger(RUNNING);

        Running(ClaimedTask task, Thread thread) {
            this.task = task;
            this.thread = thread;
        }
    }
}
