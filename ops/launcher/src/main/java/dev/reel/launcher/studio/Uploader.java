package dev.reel.launcher.studio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Uploads a master with the resumable upload protocol, chunk by chunk, surviving dropped connections: after a
 * transient failure it waits ({@link Backoff}), asks the encoder for its offset ({@code HEAD}) and continues from
 * there; a 409 offset mismatch continues from the offset the encoder names. Unfinished uploads are remembered in a
 * {@link ResumeStore}, so that uploading the same master for the same title again resumes the earlier upload.
 */
public final class Uploader {

    /** Default chunk size: 8 MiB. */
    public static final long DEFAULT_CHUNK_SIZE = 8L << 20;

    /** Largest chunk the encoder accepts: 64 MiB. */
    public static final long MAX_CHUNK_SIZE = 64L << 20;

    private static final int MAX_CONFLICTS = 8;

    private final StudioClient client;
    private final ResumeStore store;
    private final long chunkSize;
    private final Backoff backoff;

    /**
     * Creates an uploader.
     *
     * @param chunkSize bytes per {@code PATCH}, 1 to {@link #MAX_CHUNK_SIZE}
     * @throws IllegalArgumentException for a chunk size out of range
     */
    public Uploader(StudioClient client, ResumeStore store, long chunkSize, Backoff backoff) {
        if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunk size must be between 1 byte and 64 MiB, not " + chunkSize);
        }
        this.client = client;
        this.store = store;
        this.chunkSize = chunkSize;
        this.backoff = backoff;
    }

    /**
     * Uploads {@code file} for {@code titleId}, or resumes its unfinished upload, and returns the complete upload with
     * its job id.
     *
     * @throws StudioException if the file is missing, unreadable or empty; {@link ApiProblemException} if the encoder
     *     refuses the upload (unknown title, master rejected: its unfinished upload is then forgotten);
     *     {@link ConnectionException} if Reel stays unreachable through every retry
     * @throws InterruptedException if interrupted; the upload can be resumed later
     */
    public Upload upload(Path file, UUID titleId, Ladder ladder, Profile profile, UploadListener listener)
            throws InterruptedException {
        Path master = file.toAbsolutePath().normalize();
        ResumeStore.Key key = keyOf(master, titleId);
        long length = key.size();

        @Nullable Upload upload = null;
        long offset = 0;
        boolean resumed = false;
        Optional<ResumeStore.Entry> pending = store.find(key);
        if (pending.isPresent()) {
            UUID id = pending.get().uploadId();
            try {
                offset = firstContact(() -> client.offset(id), listener);
                upload = new Upload(id, offset, length, "", null);
                resumed = true;
            } catch (ApiProblemException e) {
                if (e.status() != 404 && e.status() != 410) {
                    throw e;
                }
                store.remove(key); // expired or rejected: start afresh
            }
        }
        if (upload == null) {
            UploadRequest request =
                    new UploadRequest(titleId, master.getFileName().toString(), length, ladder, profile);
            Upload created = firstContact(() -> client.create(request), listener);
            store.save(new ResumeStore.Entry(key, created.id(), Instant.now()));
            upload = created;
            offset = created.offset();
        }
        listener.started(upload, offset, length, resumed);
        if (upload.isComplete()) {
            return completed(key, upload, listener);
        }
        return transfer(master, key, upload.id(), offset, listener);
    }

    private Upload transfer(Path master, ResumeStore.Key key, UUID id, long startOffset, UploadListener listener)
            throws InterruptedException {
        long length = key.size();
        long offset = startOffset;
        boolean offsetKnown = true;
        int failures = 0;
        int conflicts = 0;
        while (true) {
            try {
                if (!offsetKnown) {
                    offset = client.offset(id);
                    offsetKnown = true;
                    listener.progress(offset, length);
                }
                Upload after = offset >= length ? finish(id, length) : sendChunk(master, id, offset, length, listener);
                failures = 0;
                if (after.isComplete()) {
                    return completed(key, after, listener);
                }
                if (offset >= length || after.offset() <= offset) {
                    throw new StudioException("Reel did not take the chunk at offset " + offset + " of upload " + id
                            + " (its offset: " + after.offset() + ", state: " + after.state() + ").");
                }
                offset = after.offset();
                listener.progress(offset, length);
            } catch (ApiProblemException e) {
                if (e.status() == 409 && ++conflicts <= MAX_CONFLICTS) {
                    long theirs = e.problem().longMember("offset").orElse(-1);
                    offsetKnown = theirs >= 0;
                    offset = Math.max(theirs, 0);
                    listener.progress(offset, length);
                } else if (e.isTransient()) {
                    failures = pause(++failures, e, listener);
                    offsetKnown = false;
                } else {
                    if (e.status() != 401 && e.status() != 403 && e.status() != 429) {
                        store.remove(key); // the encoder refused this upload for good
                    }
                    throw e;
                }
            } catch (ConnectionException e) {
                failures = pause(++failures, e, listener);
                offsetKnown = false;
            }
        }
    }

    /** All bytes are there but the final response was lost: fetch the upload, or send an empty final chunk. */
    private Upload finish(UUID id, long length) throws InterruptedException {
        try {
            Upload upload = client.get(id);
            if (upload.isComplete()) {
                return upload;
            }
        } catch (ApiProblemException e) {
            if (e.status() != 404 && e.status() != 405) {
                throw e;
            }
        }
        return client.patch(id, length, BodyPublishers::noBody);
    }

    private Upload sendChunk(Path master, UUID id, long offset, long length, UploadListener listener)
            throws InterruptedException {
        long size = Math.min(chunkSize, length - offset);
        return client.patch(
                id, offset, () -> chunkBody(master, offset, size, sent -> listener.progress(offset + sent, length)));
    }

    private Upload completed(ResumeStore.Key key, Upload upload, UploadListener listener) {
        store.remove(key);
        listener.progress(key.size(), key.size());
        listener.completed(upload);
        return upload;
    }

    private int pause(int failure, StudioException cause, UploadListener listener) throws InterruptedException {
        if (!backoff.retries(failure)) {
            throw cause;
        }
        Duration delay = backoff.delay(failure);
        listener.retrying(cause.getMessage(), delay);
        Thread.sleep(delay);
        return failure;
    }

    /**
     * Runs the upload's first request, retrying transient failures (no healthy encoder yet, a gateway restarting),
     * but not a refused connection: then Reel is not running, and the user should hear so at once.
     */
    private <T> T firstContact(Call<T> call, UploadListener listener) throws InterruptedException {
        int failures = 0;
        while (true) {
            try {
                return call.run();
            } catch (StudioException e) {
                if (!e.isTransient() || (failures == 0 && e instanceof ConnectionException c && c.isRefused())) {
                    throw e;
                }
                failures = pause(failures + 1, e, listener);
            }
        }
    }

    private static ResumeStore.Key keyOf(Path master, UUID titleId) {
        if (!Files.exists(master)) {
            throw new StudioException("No such file: " + master);
        }
        if (!Files.isRegularFile(master)) {
            throw new StudioException("Not a regular file: " + master);
        }
        if (!Files.isReadable(master)) {
            throw new StudioException("Cannot read " + master + ": permission denied");
        }
        try {
            ResumeStore.Key key = ResumeStore.Key.of(titleId, master);
            if (key.size() == 0) {
                throw new StudioException(master + " is empty: there is nothing to upload.");
            }
            return key;
        } catch (IOException e) {
            throw new StudioException("Cannot read " + master + ": " + e.getMessage(), e);
        }
    }

    /** A chunk body of exactly {@code size} bytes from {@code offset}, counting what the HTTP client has read. */
    static BodyPublisher chunkBody(Path master, long offset, long size, LongConsumer sent) {
        return BodyPublishers.fromPublisher(
                BodyPublishers.ofInputStream(() -> new ChunkStream(master, offset, size, sent)), size);
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws InterruptedException;
    }

    /** Reads a region of a file and reports the running count of bytes read. */
    private static final class ChunkStream extends InputStream {

        private final FileChannel channel;
        private final LongConsumer sent;
        private long remaining;
        private long read;

        ChunkStream(Path file, long offset, long size, LongConsumer sent) {
            try {
                this.channel = FileChannel.open(file, StandardOpenOption.READ).position(offset);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            this.remaining = size;
            this.sent = sent;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(buffer, off, (int) Math.min(len, remaining)));
            if (n < 0) {
                throw new IOException("the file became shorter while it was uploaded");
            }
            remaining -= n;
            read += n;
            sent.accept(read);
            return n;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
