package dev.reel.edge;

import dev.reel.origin.OriginObject;
import dev.reel.origin.OriginStore;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How an edge in {@link EdgeSettings.Mode#ORIGIN} finds what to send: every request path is
 * resolved in the {@link OriginStore} (the same path rules as {@link OriginFill}: a {@code v-}
 * first segment is a pinned version), with nothing cached on disk.
 *
 * <p>Resolution reads the title's pointer and the object's metadata, which is blocking I/O, so it
 * runs on a bounded pool ({@code threads}, queue {@value #QUEUE_CAPACITY}), never on the event
 * loop; a full queue fails the stage (502). The server then sends the object's {@link
 * OriginObject#localFile()} with sendfile when origin is a filesystem, or streams {@link
 * OriginObject#openStream(long, long)} in chunks otherwise.
 *
 * <p>{@link #close} stops the pool; the store stays the caller's.
 */
public final class OriginPassthrough implements AutoCloseable {

    /** How many resolutions may wait for a thread before new requests are refused. */
    public static final int QUEUE_CAPACITY = 4096;

    private final OriginStore origin;
    private final ThreadPoolExecutor executor;

    /**
     * @param threads how many resolutions run at once, {@code >= 1}
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public OriginPassthrough(OriginStore origin, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("At least one thread is required: " + threads);
        }
        this.origin = origin;
        AtomicInteger ids = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY), runnable -> {
                    Thread thread = new Thread(runnable, "edge-origin-" + ids.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Looks an object up in origin, off the caller's thread.
     *
     * @param titleId a validated title id
     * @param path a validated relative path, as in {@code /v/<titleId>/<path>}
     * @return a stage with the object, or empty when origin does not hold it; it fails when origin
     *     cannot be read or the pool is saturated
     */
    public CompletionStage<Optional<OriginObject>> resolve(String titleId, String path) {
        CompletableFuture<Optional<OriginObject>> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    result.complete(OriginLookup.resolve(origin, titleId, path));
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    /** Stops the pool, waiting briefly for running lookups. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
