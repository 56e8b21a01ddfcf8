package dev.reel.edge;

import dev.reel.origin.GarbageCollection;
import dev.reel.origin.OriginObject;
import dev.reel.origin.OriginObjectInfo;
import dev.reel.origin.OriginStore;
import dev.reel.origin.Publication;
import dev.reel.origin.PublishListener;
import dev.reel.origin.RetentionPolicy;
import dev.reel.origin.TitlePage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A real {@link OriginStore} with its reads counted per {@code <titleId>/<path as requested>}, and
 * one object name, {@value #BROKEN}, whose reads throw as a failing origin would. Reads of an
 * object can be held at a gate so that a test controls when a fetch proceeds.
 */
final class CountingOriginStore implements OriginStore {

    static final String BROKEN = "broken.m4s";

    private final OriginStore delegate;
    private final Map<String, AtomicInteger> opens = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();

    CountingOriginStore(OriginStore delegate) {
        this.delegate = delegate;
    }

    /** How many times an object was opened, by any version. */
    int opens(String titleId, String path) {
        AtomicInteger count = opens.get(titleId + "/" + path);
        return count == null ? 0 : count.get();
    }

    /** Makes reads of one object wait until the returned latch is counted down. */
    CountDownLatch hold(String titleId, String path) {
        CountDownLatch gate = new CountDownLatch(1);
        gates.put(titleId + "/" + path, gate);
        return gate;
    }

    private void count(String titleId, String path) throws IOException {
        String key = titleId + "/" + path;
        opens.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        CountDownLatch gate = gates.get(key);
        if (gate != null) {
            try {
                if (!gate.await(10, TimeUnit.SECONDS)) {
                    throw new IOException("Gate for " + key + " was never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted at the gate for " + key);
            }
        }
        if (path.endsWith(BROKEN)) {
            throw new IOException("Origin is failing for " + path);
        }
    }

    @Override
    public Publication publish(String titleId, Path localDirectory, PublishListener listener) throws IOException {
        return delegate.publish(titleId, localDirectory, listener);
    }

    @Override
    public Optional<OriginObject> open(String titleId, String relativePath) throws IOException {
        count(titleId, relativePath);
        return delegate.open(titleId, relativePath);
    }

    @Override
    public Optional<OriginObject> open(String titleId, String version, String relativePath) throws IOException {
        count(titleId, version + "/" + relativePath);
        return delegate.open(titleId, version, relativePath);
    }

    @Override
    public List<OriginObjectInfo> objects(String titleId, String version) throws IOException {
        return delegate.objects(titleId, version);
    }

    @Override
    public Optional<Publication> current(String titleId) throws IOException {
        return delegate.current(titleId);
    }

    @Override
    public TitlePage titles(@Nullable String after, int limit) throws IOException {
        return delegate.titles(after, limit);
    }

    @Override
    public void unpublish(String titleId) throws IOException {
        delegate.unpublish(titleId);
    }

    @Override
    public GarbageCollection collectGarbage(String titleId) throws IOException {
        return delegate.collectGarbage(titleId);
    }

    @Override
    public RetentionPolicy retention() {
        return delegate.retention();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
