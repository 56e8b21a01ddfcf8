package dev.reel.origin.internal;

import dev.reel.origin.PublishListener;
import dev.reel.origin.PublishProgress;

/** Counts stored objects and reports them to a {@link PublishListener}, one call at a time. */
public final class ProgressTracker {

    private final PublishListener listener;
    private final int objectsTotal;
    private final long bytesTotal;
    private int objectsDone;
    private long bytesDone;

    /** Tracks a publish of {@code tree}. */
    public ProgressTracker(PublishListener listener, LocalTree tree) {
        this.listener = listener;
        this.objectsTotal = tree.files().size();
        this.bytesTotal = tree.totalBytes();
    }

    /** Records one stored object and tells the listener; rethrows what the listener throws. */
    public synchronized void stored(String path, long bytes, boolean reused) {
        objectsDone++;
        bytesDone += bytes;
        listener.objectStored(
                new PublishProgress(path, bytes, reused, objectsDone, objectsTotal, bytesDone, bytesTotal));
    }
}
