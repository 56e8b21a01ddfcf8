package dev.reel.edge;

import dev.reel.edge.cache.DiskCache;
import dev.reel.origin.OriginObject;
import dev.reel.origin.OriginStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link CacheMissHandler} that pulls a missed object from origin into a {@link DiskCache}.
 *
 * <h2>Paths</h2>
 *
 * A request for {@code /v/<titleId>/<path>} is looked up in origin as follows:
 *
 * <ul>
 *   <li>if the first segment of {@code path} starts with {@code v-} it names an origin version
 *       ({@link dev.reel.origin.Publication#version()}), and the rest is read from that version
 *       with {@link OriginStore#open(String, String, String)}: {@code
 *       /v/t1/v-20261123T060000000Z-0123456789ab/master.m3u8} is {@code master.m3u8} of that
 *       version. Versioned objects never change, so they are cached as long as the capacity
 *       allows. A {@code v-} segment that is not a well-formed version id, or names nothing
 *       after it, is absent (404): such names are reserved for versions;
 *   <li>otherwise {@code path} is read from the title's current version with {@link
 *       OriginStore#open(String, String)}. Such an object is cached as it was when first missed;
 *       playback hands out versioned URLs, so this form is for tools and tests.
 * </ul>
 *
 * Either way the object is cached at {@code <cacheRoot>/<titleId>/<path>}, exactly where the
 * server looks for it.
 *
 * <h2>Behaviour</h2>
 *
 * <ul>
 *   <li><b>Single flight:</b> concurrent misses of one object share one fetch; the in-flight
 *       entry is removed when the fetch ends, and a fetch first checks the cache again, so a
 *       request that missed just before another fill finished reads nothing from origin.
 *   <li><b>Off the event loop:</b> {@link #fill} returns at once; fetches run on a bounded pool
 *       of {@code threads} with a queue of {@value #QUEUE_CAPACITY}. A full queue fails the fill
 *       (502) instead of piling up work.
 *   <li><b>Atomic:</b> the bytes go to a hidden temporary file in the object's directory, are
 *       forced to disk, checked against the origin's size and renamed into place by {@link
 *       DiskCache#admit}, which evicts to stay within capacity.
 *   <li><b>Outcomes:</b> absent in origin (or an invalid name) completes with {@code false}
 *       (404); an {@link IOException} or any other failure, including an object larger than the
 *       capacity, fails the stage (502).
 * </ul>
 *
 * <p>{@link #close} stops the pool; the {@link OriginStore} belongs to the caller and stays open.
 */
public final class OriginFill implements CacheMissHandler, AutoCloseable {

    /** How many fetches may wait for a thread before new misses are refused. */
    public static final int QUEUE_CAPACITY = 1024;

    /** Default number of fetch threads. */
    public static final int DEFAULT_THREADS = 8;

    /** Number of prefetch threads: plan fills run beside misses, never ahead of them. */
    public static final int PREFETCH_THREADS = 1;

    private final OriginStore origin;
    private final DiskCache cache;
    private final ThreadPoolExecutor executor;
    private final ThreadPoolExecutor prefetcher;
    private final Set<CompletableFuture<Boolean>> prefetches = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param origin where objects come from; not closed by this class
     * @param cache where they go
     * @param threads how many fetches run at once, {@code >= 1}
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public OriginFill(OriginStore origin, DiskCache cache, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("At least one fill thread is required: " + threads);
        }
        this.origin = origin;
        this.cache = cache;
        AtomicInteger ids = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY), runnable -> {
                    Thread thread = new Thread(runnable, "edge-fill-" + ids.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.executor.allowCoreThreadTimeOut(true);
        this.prefetcher = new ThreadPoolExecutor(
                PREFETCH_THREADS, PREFETCH_THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "edge-prefetch-" + ids.incrementAndGet());
                    thread.setDaemon(true);
                    thread.setPriority(Thread.MIN_PRIORITY);
                    return thread;
                });
        this.prefetcher.allowCoreThreadTimeOut(true);
    }

    /**
     * Brings an object into the cache ahead of demand (the fill plan), at low priority: prefetches
     * run one at a time on their own thread with an unbounded queue, so they never take a miss's
     * fill thread or queue slot. A prefetch joins the single flight only when it starts: a miss for
     * an object still queued here is fetched by the miss pool at once, and a prefetch that finds
     * the object cached or in flight fetches nothing.
     *
     * @return a stage that completes like {@link #fill}'s: {@code true} once the object is cached,
     *     {@code false} when origin does not hold it, exceptionally on failure or when closed
     */
    public CompletableFuture<Boolean> prefetch(String titleId, String path) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        prefetches.add(result);
        result.whenComplete((filled, failure) -> prefetches.remove(result));
        try {
            prefetcher.execute(() -> {
                String key = titleId + "/" + path;
                if (cache.contains(titleId, path)) {
                    result.complete(true);
                    return;
                }
                CompletableFuture<Boolean> mine = new CompletableFuture<>();
                CompletableFuture<Boolean> existing = inFlight.putIfAbsent(key, mine);
                if (existing == null) {
                    try {
                        mine.complete(fetch(titleId, path));
                    } catch (Throwable t) {
                        mine.completeExceptionally(t);
                    } finally {
                        inFlight.remove(key, mine);
                    }
                    existing = mine;
                }
                existing.whenComplete((filled, failure) -> {
                    if (failure != null) {
                        result.completeExceptionally(failure);
                    } else {
                        result.complete(filled);
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(e);
        }
        return result;
    }

    @Override
    public CompletionStage<Boolean> fill(String titleId, String path) {
        String key = titleId + "/" + path;
        CompletableFuture<Boolean> existing = inFlight.get(key);
        if (existing != null) {
            return existing;
        }
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        existing = inFlight.putIfAbsent(key, mine);
        if (existing != null) {
            return existing;
        }
        try {
            executor.execute(() -> {
                try {
                    mine.complete(fetch(titleId, path));
                } catch (Throwable t) {
                    mine.completeExceptionally(t);
                } finally {
                    inFlight.remove(key, mine);
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.remove(key, mine);
            mine.completeExceptionally(e);
        }
        return mine;
    }

    /** How many fetches are running or queued now. */
    public int inFlight() {
        return inFlight.size();
    }

    private boolean fetch(String titleId, String path) throws IOException {
        if (cache.contains(titleId, path)) {
            return true;
        }
        Optional<OriginObject> found = OriginLookup.resolve(origin, titleId, path);
        if (found.isEmpty()) {
            return false;
        }
        OriginObject object = found.get();
        Path temp = cache.newTempFile(titleId, path);
        try {
            long written;
            try (InputStream in = object.openStream();
                    FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                written = in.transferTo(out);
                channel.force(true);
            }
            if (written != object.size()) {
                throw new IOException(
                        "Origin sent " + written + " bytes of " + object.size() + " for " + titleId + "/" + path);
            }
            cache.admit(titleId, path, temp);
            return true;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Stops taking fills and waits briefly for running fetches; pending stages fail. */
    @Override
    public void close() {
        prefetcher.shutdownNow();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        inFlight.values().forEach(f -> f.completeExceptionally(new IllegalStateException("Edge is closing")));
        prefetches.forEach(f -> f.completeExceptionally(new IllegalStateException("Edge is closing")));
    }
}
