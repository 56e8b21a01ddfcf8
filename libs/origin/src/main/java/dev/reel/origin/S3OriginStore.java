package dev.reel.origin;

import dev.reel.origin.internal.BoundedInputStream;
import dev.reel.origin.internal.LocalTree;
import dev.reel.origin.internal.LocalTree.LocalFile;
import dev.reel.origin.internal.Pointer;
import dev.reel.origin.internal.ProgressTracker;
import dev.reel.origin.internal.VersionIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The scale-out origin: titles in an S3 bucket (AWS, or any S3-compatible store such as MinIO or
 * s3proxy through an endpoint override and path-style addressing).
 *
 * <h2>Layout</h2>
 *
 * <pre>
 * &lt;prefix&gt;&lt;titleId&gt;/current.json                 pointer (JSON): current version + superseded ones
 * &lt;prefix&gt;&lt;titleId&gt;/v-&lt;id&gt;/&lt;relative path&gt;        objects of a version (immutable)
 * </pre>
 *
 * Every object carries its content type and its SHA-256 as user metadata {@code x-amz-meta-sha256}.
 *
 * <h2>Atomicity</h2>
 *
 * A single-part {@code PUT} is atomic per object (S3 never exposes a partly written object), and
 * a multipart object appears only when its upload is completed. A publish uploads every object
 * of the new version under a fresh {@code v-<id>/} prefix that no reader resolves yet, lists the
 * prefix to check that every object is there with its size, and only then writes {@code
 * current.json} in one {@code PUT}. S3 is strongly consistent for reads after writes and for
 * listings, so a reader that fetches {@code current.json} and follows it finds the whole version.
 * Readers never list; they only follow the pointer, so a partial upload is invisible to them. A
 * failed or interrupted publish leaves {@code current.json} as it was; the next publish of the
 * same content resumes, skipping objects whose size and SHA-256 already match.
 *
 * <p>Bytes are checked end to end: a single-part upload sends the file's SHA-256 from the scan as
 * {@code x-amz-checksum-sha256}, so S3 rejects the object if the file changed or the transfer
 * corrupted it; a multipart upload hashes the parts as it sends them and is aborted, not
 * completed, unless the hash matches the scan.
 *
 * <p>S3 has no locks: publishes of the same title must be serialised by the caller (the last
 * pointer written wins), and garbage collection only removes versions that never became current
 * once they are older than {@link RetentionPolicy#abandonedAfter()}, which must exceed the longest
 * publish. Interrupted multipart uploads should be cleaned by the bucket's {@code
 * AbortIncompleteMultipartUpload} lifecycle rule.
 *
 * <p>Build with {@link #builder()}. Instances are immutable and thread-safe.
 */
public final class S3OriginStore extends PointerOriginStore {

    private static final String POINTER = "current.json";
    private static final String SHA256_METADATA = "sha256";
    private static final long MAX_POINTER_BYTES = 64 * 1024;
    private static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    private static final long MAX_PART_SIZE = 512L * 1024 * 1024;

    private final S3Client s3;
    private final boolean ownsClient;
    private final String bucket;
    private final String prefix;
    private final long multipartThreshold;
    private final long partSize;
    private final int uploadConcurrency;

    private S3OriginStore(Builder builder) {
        super(builder.retention, builder.clock);
        this.s3 = Objects.requireNonNull(builder.client, "client");
        this.ownsClient = builder.ownsClient;
        this.bucket = Objects.requireNonNull(builder.bucket, "bucket");
        this.prefix = builder.prefix;
        this.multipartThreshold = builder.multipartThreshold;
        this.partSize = builder.partSize;
        this.uploadConcurrency = builder.uploadConcurrency;
    }

    /** A builder; {@link Builder#client(S3Client)} and {@link Builder#bucket(String)} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The bucket. */
    public String bucket() {
        return bucket;
    }

    /** The key prefix, empty or ending with {@code '/'}. */
    public String prefix() {
        return prefix;
    }

    /** Closes the S3 client if this store created it (see {@link OriginStores}). */
    @Override
    public void close() {
        if (ownsClient) {
            s3.close();
        }
    }

    @Override
    public String toString() {
        return "S3OriginStore[s3://" + bucket + "/" + prefix + "]";
    }

    @Override
    TitleLock lock(String titleId) {
        return NO_LOCK;
    }

    @Override
    Optional<Pointer> readPointer(String titleId) throws IOException {
        String key = pointerKey(titleId);
        ResponseBytes<GetObjectResponse> bytes;
        try {
            bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
        } catch (SdkException e) {
            if (isNotFound(e)) {
                return Optional.empty();
            }
            throw failure("GET " + key, e);
        }
        if (bytes.asByteArrayUnsafe().length > MAX_POINTER_BYTES) {
            throw new IOException(
                    "Origin pointer s3://" + bucket + "/" + key + " is larger than " + MAX_POINTER_BYTES + " bytes");
        }
        return Optional.of(Pointer.parse(bytes.asUtf8String(), titleId));
    }

    /** One {@code PUT} of {@code current.json}, which S3 replaces atomically. */
    @Override
    void writePointer(String titleId, Pointer pointer) throws IOException {
        String pointerKey = pointerKey(titleId);
        call(
                "PUT " + pointerKey,
                () -> s3.putObject(
                        b -> b.bucket(bucket)
                                .key(pointerKey)
                                .contentType("application/json")
                                .cacheControl("no-cache"),
                        RequestBody.fromString(pointer.toJson(), StandardCharsets.UTF_8)));
    }

    @Override
    void deletePointer(String titleId) throws IOException {
        String pointerKey = pointerKey(titleId);
        call("DELETE " + pointerKey, () -> s3.deleteObject(b -> b.bucket(bucket).key(pointerKey)));
    }

    @Override
    void deleteTitle(String titleId) throws IOException {
        deletePrefix(titlePrefix(titleId));
    }

    @Override
    Optional<OriginObject> resolve(String titleId, String version, String relativePath) throws IOException {
        String key = versionPrefix(titleId, version) + relativePath;
        Optional<HeadObjectResponse> found = headObject(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        HeadObjectResponse head = found.get();
        String etag = head.eTag().startsWith("\"") ? head.eTag() : "\"" + head.eTag() + "\"";
        return Optional.of(new RemoteObject(
                this, titleId, version, relativePath, key, head.contentLength(), etag, head.lastModified()));
    }

    @Override
    TitlePage listTitles(@Nullable String after, int limit) throws IOException {
        List<String> page = new ArrayList<>();
        // '0' is the character after '/': starting after "<after>0" skips every key of <after>/.
        String startAfter = after == null ? null : prefix + after + "0";
        String token = null;
        do {
            ListObjectsV2Request.Builder request =
                    ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).delimiter("/");
            if (token != null) {
                request.continuationToken(token);
            } else if (startAfter != null) {
                request.startAfter(startAfter);
            }
            ListObjectsV2Response response = call("LIST " + prefix, () -> s3.listObjectsV2(request.build()));
            for (CommonPrefix common : response.commonPrefixes()) {
                String name = common.prefix()
                        .substring(prefix.length(), common.prefix().length() - 1);
                if (isTitleId(name) && exists(pointerKey(name))) {
                    page.add(name);
                    if (page.size() == limit) {
                        return new TitlePage(page, name);
                    }
                }
            }
            token = Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null;
        } while (token != null);
        return new TitlePage(page, null);
    }

    /**
     * Uploads every file under the fresh {@code v-<id>/} prefix on up to {@code uploadConcurrency}
     * threads (skipping, when resuming, objects whose size and SHA-256 already match), then lists
     * the prefix to check that every object is there with its size.
     */
    @Override
    void storeVersion(String titleId, String version, boolean resuming, LocalTree tree, ProgressTracker progress)
            throws IOException {
        forEachConcurrently(tree.files(), file -> {
            String key = versionPrefix(titleId, version) + file.path();
            boolean reused = resuming && isStored(key, file);
            if (!reused) {
                upload(key, file);
            }
            progress.stored(file.path(), file.size(), reused);
        });
        verifyComplete(titleId, version, tree);
    }

    @Override
    void deleteVersion(String titleId, StoredVersion version) throws IOException {
        deletePrefix(versionPrefix(titleId, version.version()));
    }

    /** Lists the version's prefix page by page (ListObjectsV2); keys that are not valid object paths are skipped. */
    @Override
    List<OriginObjectInfo> listVersion(String titleId, String version) throws IOException {
        String versionPrefix = versionPrefix(titleId, version);
        List<OriginObjectInfo> objects = new ArrayList<>();
        for (Map.Entry<String, Long> object : listObjects(versionPrefix).entrySet()) {
            String path = object.getKey().substring(versionPrefix.length());
            if (isObjectPath(path)) {
                objects.add(new OriginObjectInfo(path, object.getValue()));
            }
        }
        return objects;
    }

    private String titlePrefix(String titleId) {
        return prefix + titleId + "/";
    }

    private String versionPrefix(String titleId, String version) {
        return titlePrefix(titleId) + version + "/";
    }

    private String pointerKey(String titleId) {
        return titlePrefix(titleId) + POINTER;
    }

    private InputStream get(String key, String etag, long offset, long length, long size) throws IOException {
        BoundedInputStream.checkRange(size, offset, length);
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        GetObjectRequest.Builder request =
                GetObjectRequest.builder().bucket(bucket).key(key).ifMatch(etag);
        if (offset != 0 || length != size) {
            request.range("bytes=" + offset + "-" + (offset + length - 1));
        }
        try {
            return s3.getObject(request.build());
        } catch (SdkException e) {
            if (isNotFound(e)) {
                NoSuchFileException gone = new NoSuchFileException("s3://" + bucket + "/" + key);
                gone.initCause(e);
                throw gone;
            }
            throw failure("GET " + key, e);
        }
    }

    private boolean exists(String key) throws IOException {
        return headObject(key).isPresent();
    }

    /** Whether an earlier attempt already stored this file's bytes under {@code key}. */
    private boolean isStored(String key, LocalFile file) throws IOException {
        return headObject(key)
                .filter(head -> head.contentLength() == file.size()
                        && file.sha256().equals(head.metadata().get(SHA256_METADATA)))
                .isPresent();
    }

    /** The object's metadata, or empty if there is no such object. */
    private Optional<HeadObjectResponse> headObject(String key) throws IOException {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)));
        } catch (SdkException e) {
            if (isNotFound(e)) {
                return Optional.empty();
            }
            throw failure("HEAD " + key, e);
        }
    }

    /**
     * A version that never became current, holds this content and is young enough that garbage
     * collection will not remove it while this publish finishes (half of {@code abandonedAfter}).
     * Retained and superseded versions are never reused: garbage collection may be deleting them.
     */
    @Override
    Optional<String> resumable(String titleId, Optional<Pointer> pointer, String digest) throws IOException {
        Instant oldest = clock().instant().minus(retention().abandonedAfter().dividedBy(2));
        return storedVersions(titleId).stream()
                .map(StoredVersion::version)
                .filter(v -> VersionIds.hasDigest(v, digest))
                .filter(v -> pointer.isEmpty() || !isPublished(pointer.get(), v))
                .filter(v -> VersionIds.createdAt(v).isAfter(oldest))
                .max(String::compareTo);
    }

    /**
     * The well-formed version ids that have at least one object under the title, in key order.
     * Each is reported as complete: S3 cannot tell a partial upload from a finished one, and
     * garbage collection only asks for superseded versions, which were complete when made current.
     */
    @Override
    List<StoredVersion> storedVersions(String titleId) throws IOException {
        String titlePrefix = titlePrefix(titleId);
        List<StoredVersion> versions = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Request.Builder request = ListObjectsV2Request.builder()
                    .bucket(bucket)
                    .prefix(titlePrefix)
                    .delimiter("/");
            if (token != null) {
                request.continuationToken(token);
            }
            ListObjectsV2Response response = call("LIST " + titlePrefix, () -> s3.listObjectsV2(request.build()));
            for (CommonPrefix common : response.commonPrefixes()) {
                String name = common.prefix()
                        .substring(titlePrefix.length(), common.prefix().length() - 1);
                if (VersionIds.isValid(name)) {
                    versions.add(new StoredVersion(name, true));
                }
            }
            token = Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null;
        } while (token != null);
        return versions;
    }

    /** Every object under {@code keyPrefix}, with its size. */
    private Map<String, Long> listObjects(String keyPrefix) throws IOException {
        Map<String, Long> objects = new HashMap<>();
        String token = null;
        do {
            ListObjectsV2Request.Builder request =
                    ListObjectsV2Request.builder().bucket(bucket).prefix(keyPrefix);
            if (token != null) {
                request.continuationToken(token);
            }
            ListObjectsV2Response response = call("LIST " + keyPrefix, () -> s3.listObjectsV2(request.build()));
            for (S3Object object : response.contents()) {
                objects.put(object.key(), object.size());
            }
            token = Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null;
        } while (token != null);
        return objects;
    }

    private void verifyComplete(String titleId, String version, LocalTree tree) throws IOException {
        String versionPrefix = versionPrefix(titleId, version);
        Map<String, Long> stored = listObjects(versionPrefix);
        List<String> missing = new ArrayList<>();
        for (LocalFile file : tree.files()) {
            Long size = stored.get(versionPrefix + file.path());
            if (size == null || size != file.size()) {
                missing.add(file.path());
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException("Version " + version + " of title '" + titleId + "' is incomplete after upload ("
                    + missing.size() + " objects missing or of the wrong size, first: " + missing.getFirst()
                    + "); the current version was left in place");
        }
    }

    private void deletePrefix(String keyPrefix) throws IOException {
        List<String> keys = new ArrayList<>(listObjects(keyPrefix).keySet());
        for (int from = 0; from < keys.size(); from += 1000) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + 1000)).stream()
                    .map(k -> ObjectIdentifier.builder().key(k).build())
                    .toList();
            DeleteObjectsResponse response = call(
                    "DELETE " + keyPrefix + "*",
                    () -> s3.deleteObjects(b -> b.bucket(bucket)
                            .delete(Delete.builder().objects(batch).quiet(true).build())));
            if (response.hasErrors() && !response.errors().isEmpty()) {
                throw new IOException("Could not delete " + response.errors().size() + " objects under s3://" + bucket
                        + "/" + keyPrefix + ", first: "
                        + response.errors().getFirst().message());
            }
        }
    }

    private void upload(String key, LocalFile file) throws IOException {
        if (file.size() > multipartThreshold) {
            uploadMultipart(key, file);
            return;
        }
        String checksum = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(file.sha256()));
        call(
                "PUT " + key,
                () -> s3.putObject(
                        b -> b.bucket(bucket)
                                .key(key)
                                .contentType(ContentTypes.forPath(file.path()))
                                .contentLength(file.size())
                                .metadata(Map.of(SHA256_METADATA, file.sha256()))
                                .checksumSHA256(checksum),
                        RequestBody.fromFile(file.file())));
    }

    private void uploadMultipart(String key, LocalFile file) throws IOException {
        String uploadId = call(
                        "CREATE MULTIPART " + key,
                        () -> s3.createMultipartUpload(b -> b.bucket(bucket)
                                .key(key)
                                .contentType(ContentTypes.forPath(file.path()))
                                .metadata(Map.of(SHA256_METADATA, file.sha256()))))
                .uploadId();
        try (FileChannel channel = FileChannel.open(file.file(), StandardOpenOption.READ)) {
            MessageDigest digest = LocalTree.newSha256();
            List<CompletedPart> parts = new ArrayList<>();
            byte[] buffer = new byte[(int) Math.min(partSize, file.size())];
            long offset = 0;
            for (int partNumber = 1; offset < file.size(); partNumber++) {
                int length = readFully(channel, offset, buffer, (int) Math.min(partSize, file.size() - offset));
                digest.update(buffer, 0, length);
                int number = partNumber;
                UploadPartResponse part = call(
                        "PUT PART " + number + " " + key,
                        () -> s3.uploadPart(
                                b -> b.bucket(bucket)
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(number)
                                        .contentLength((long) length),
                                RequestBody.fromBytes(Arrays.copyOf(buffer, length))));
                parts.add(CompletedPart.builder()
                        .partNumber(number)
                        .eTag(part.eTag())
                        .build());
                offset += length;
            }
            if (!HexFormat.of().formatHex(digest.digest()).equals(file.sha256())) {
                throw new IOException("File changed while it was being published: " + file.file());
            }
            call(
                    "COMPLETE MULTIPART " + key,
                    () -> s3.completeMultipartUpload(
                            b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts))));
        } catch (IOException | RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            } catch (SdkException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    private static int readFully(FileChannel channel, long position, byte[] buffer, int length) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(buffer, 0, length);
        while (target.hasRemaining()) {
            if (channel.read(target, position + target.position()) < 0) {
                throw new IOException("File shrank while it was being published");
            }
        }
        return length;
    }

    /** Runs {@code task} for every file on up to {@code uploadConcurrency} virtual threads; stops at the first failure. */
    private void forEachConcurrently(List<LocalFile> files, FileTask task) throws IOException {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
        int workers = Math.min(uploadConcurrency, files.size());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < workers; w++) {
                pool.execute(() -> {
                    for (int i = next.getAndIncrement();
                            i < files.size() && failure.get() == null;
                            i = next.getAndIncrement()) {
                        try {
                            task.run(files.get(i));
                        } catch (Throwable t) {
                            failure.compareAndSet(null, t);
                        }
                    }
                });
            }
        }
        Throwable t = failure.get();
        switch (t) {
            case null -> {}
            case IOException e -> throw e;
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IOException(t);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("Publish interrupted");
        }
    }

    @FunctionalInterface
    private interface FileTask {
        void run(LocalFile file) throws IOException;
    }

    @FunctionalInterface
    private interface S3Call<T> {
        T run();
    }

    private <T> T call(String action, S3Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (SdkException e) {
            throw failure(action, e);
        }
    }

    private IOException failure(String action, SdkException e) {
        return new IOException("S3 " + action + " in bucket " + bucket + " failed: " + e.getMessage(), e);
    }

    private static boolean isNotFound(SdkException e) {
        return e instanceof S3Exception s3 && s3.statusCode() == 404;
    }

    /** An object of a version in the bucket; reads go back to S3. */
    private record RemoteObject(
            S3OriginStore store,
            String titleId,
            String version,
            String path,
            String key,
            long size,
            String etag,
            Instant lastModified)
            implements VersionObject {

        @Override
        public InputStream openStream() throws IOException {
            return store.get(key, etag, 0, size, size);
        }

        @Override
        public InputStream openStream(long offset, long length) throws IOException {
            return store.get(key, etag, offset, length, size);
        }

        @Override
        public String toString() {
            return "OriginObject[" + store.bucket + "/" + key + ", " + size + " bytes]";
        }
    }

    /** Builds an {@link S3OriginStore}. */
    public static final class Builder {

        private @Nullable S3Client client;
        private boolean ownsClient;
        private @Nullable String bucket;
        private String prefix = "";
        private RetentionPolicy retention = RetentionPolicy.DEFAULT;
        private Clock clock = Clock.systemUTC();
        private long multipartThreshold = 16L * 1024 * 1024;
        private long partSize = 8L * 1024 * 1024;
        private int uploadConcurrency = 8;

        private Builder() {}

        /**
         * The client (required). The caller keeps ownership: {@link S3OriginStore#close()} does not
         * close it. For s3proxy or MinIO, build it with {@code endpointOverride} and {@code
         * forcePathStyle(true)}.
         */
        public Builder client(S3Client client) {
            this.client = Objects.requireNonNull(client, "client");
            this.ownsClient = false;
            return this;
        }

        /** Like {@link #client(S3Client)}, but the store closes the client when it is closed. */
        Builder ownedClient(S3Client client) {
            this.client = Objects.requireNonNull(client, "client");
            this.ownsClient = true;
            return this;
        }

        /** The bucket (required); it must exist. */
        public Builder bucket(String bucket) {
            this.bucket = S3Names.requireBucket(bucket);
            return this;
        }

        /**
         * A key prefix shared by every title, empty (the default) or ending with {@code '/'}, such
         * as {@code "origin/"}.
         */
        public Builder prefix(String prefix) {
            this.prefix = S3Names.requirePrefix(prefix);
            return this;
        }

        /** What garbage collection keeps; {@link RetentionPolicy#DEFAULT} unless set. */
        public Builder retention(RetentionPolicy retention) {
            this.retention = Objects.requireNonNull(retention, "retention");
            return this;
        }

        /** The clock for version ids, publication times and ages; the system UTC clock unless set. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Files larger than this many bytes are sent as multipart uploads; 16 MiB unless set. */
        public Builder multipartThreshold(long bytes) {
            if (bytes < MIN_PART_SIZE) {
                throw new IllegalArgumentException("multipartThreshold must be at least 5 MiB");
            }
            this.multipartThreshold = bytes;
            return this;
        }

        /** The part size of multipart uploads, 5 MiB to 512 MiB; 8 MiB unless set. */
        public Builder partSize(long bytes) {
            if (bytes < MIN_PART_SIZE || bytes > MAX_PART_SIZE) {
                throw new IllegalArgumentException("partSize must be between 5 MiB and 512 MiB");
            }
            this.partSize = bytes;
            return this;
        }

        /** How many files are uploaded at once, 1 to 64; 8 unless set. */
        public Builder uploadConcurrency(int uploads) {
            if (uploads < 1 || uploads > 64) {
                throw new IllegalArgumentException("uploadConcurrency must be between 1 and 64");
            }
            this.uploadConcurrency = uploads;
            return this;
        }

        /**
         * Builds the store. No request is made; a missing bucket shows up on first use.
         *
         * @throws NullPointerException if the client or bucket is missing
         */
        public S3OriginStore build() {
            Objects.requireNonNull(client, "client is required");
            Objects.requireNonNull(bucket, "bucket is required");
            return new S3OriginStore(this);
        }
    }
}
