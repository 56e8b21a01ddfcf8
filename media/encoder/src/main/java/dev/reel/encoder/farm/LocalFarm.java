package dev.reel.encoder.farm;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A fixed number of worker threads taking tasks from one priority queue: higher priority first, then first come first
 * served. Each worker runs one task at a time, so with one single-threaded ffmpeg process per task, {@code workers}
 * equal to the core count keeps every core busy without oversubscribing. Thread-safe; {@link #close()} stops the
 * workers, interrupting running tasks (a {@link dev.reel.encoder.ffmpeg.FfmpegRunner} kills its process then).
 */
public final class LocalFarm implements AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();

    private LocalFarm(int workers) {
        this.pool = new ThreadPoolExecutor(
                workers,
                workers,
                0,
                TimeUnit.SECONDS,
                new PriorityBlockingQueue<>(),
                Thread.ofPlatform().name("farm-worker-", 0).daemon(true).factory());
        pool.prestartAllCoreThreads();
    }

    /**
     * A farm with {@code workers} threads.
     *
     * @throws IllegalArgumentException if {@code workers} is not positive
     */
    public static LocalFarm start(int workers) {
        if (workers <= 0) {
            throw new IllegalArgumentException("workers must be positive: " + workers);
        }
        return new LocalFarm(workers);
    }

    public int workers() {
        return pool.getCorePoolSize();
    }

    /** Tasks finished so far, successfully or not. */
    public long completedTasks() {
        return completed.get();
    }

    /**
     * Queues {@code task} at {@code priority}.
     *
     * @return its result, or a future completed exceptionally with what it threw
     */
    public <T> CompletableFuture<T> submit(int priority, Supplier<T> task) {
        Objects.requireNonNull(task, "task");
        CompletableFuture<T> result = new CompletableFuture<>();
        pool.execute(new Entry(priority, sequence.getAndIncrement(), () -> {
            try {
                result.complete(task.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            } finally {
                completed.incrementAndGet();
            }
        }));
        return result;
    }

    /** An executor view that queues everything at {@code priority}, for APIs that take an {@link Executor}. */
    public Executor executor(int priority) {
        return command -> pool.execute(new Entry(priority, sequence.getAndIncrement(), () -> {
            try {
                command.run();
            } finally {
                completed.incrementAndGet();
            }
        }));
    }

    /** Stops the workers, interrupting running tasks, and waits up to {@code timeout} for them to end. */
    public void close(Duration timeout) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@link #close(Duration)} with 30 s. */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    private record Entry(int priority, long sequence, Runnable task) implements Runnable, Comparable<Entry> {

        @Override
        public void run() {
            task.run();
        }

        @Override
        public int compareTo(Entry other) {
            int byPriority = Integer.compare(other.priority, priority);
            return byPriority != 0 ? byPriority : Long.compare(sequence, other.sequence);
        }
    }
}
