package dev.reel.origin;

import static dev.reel.origin.Fixtures.MANIFEST;
import static dev.reel.origin.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Runs the {@link OriginStoreContract} against {@link S3OriginStore} talking to a real S3 API: an
 * in-JVM s3proxy with its filesystem blob store in a temporary directory, on a free port.
 */
class S3OriginStoreIT extends OriginStoreContract {

    private static final String BUCKET = "reel-origin";
    private static final String ACCESS_KEY = "reel-access";
    private static final String SECRET_KEY = "reel-secret-key";
    private static final AtomicInteger PREFIXES = new AtomicInteger();

    @TempDir
    static Path blobs;

    private static @Nullable S3Proxy proxy;
    private static @Nullable BlobStore blobStore;
    private static URI endpoint = URI.create("http://127.0.0.1");
    private static @Nullable S3Client client;

    private String prefix = "";

    @BeforeAll
    static void startS3Proxy() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", blobs.toString());
        blobStore = BlobStores.create("filesystem", properties);
        S3Proxy started = S3Proxy.builder()
                .blobStore(blobStore)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        started.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(started.getState()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(started.getState()).isEqualTo("STARTED");
        proxy = started;
        endpoint = URI.create("http://127.0.0.1:" + started.getPort());
        client = S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
        client.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void stopS3Proxy() throws Exception {
        if (client != null) {
            client.close();
        }
        if (proxy != null) {
            proxy.stop();
        }
        if (blobStore != null) {
            blobStore.close();
        }
    }

    private static S3Client client() {
        return java.util.Objects.requireNonNull(client, "s3proxy is not running");
    }

    @Override
    protected OriginStore newStore(RetentionPolicy retention) {
        // Every test gets its own key prefix, so titles() sees only its own titles.
        prefix = "test-" + PREFIXES.incrementAndGet() + "/";
        return sameData(retention);
    }

    @Override
    protected OriginStore sameData(RetentionPolicy retention) {
        return S3OriginStore.builder()
                .client(client())
                .bucket(BUCKET)
                .prefix(prefix)
                .retention(retention)
                .build();
    }

    @Test
    void layoutIsVersionPrefixesAndAPointerObject() throws IOException {
        Publication p = store.publish("t1", Fixtures.version(sources, "one", 2));

        List<String> keys = client().listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .toList();
        String version = prefix + "t1/" + p.version() + "/";
        assertThat(keys)
                .containsExactlyInAnyOrder(
                        prefix + "t1/current.json",
                        version + MANIFEST,
                        version + "init.mp4",
                        version + "subs/en.vtt",
                        version + Fixtures.segmentNames("one", 2).get(0),
                        version + Fixtures.segmentNames("one", 2).get(1));
        String pointer = client().getObjectAsBytes(b -> b.bucket(BUCKET).key(prefix + "t1/current.json"))
                .asUtf8String();
        assertThat(pointer).contains("\"version\":\"" + p.version() + "\"");
        HeadObjectResponse head = client().headObject(b -> b.bucket(BUCKET).key(version + MANIFEST));
        assertThat(head.contentType()).isEqualTo("application/vnd.apple.mpegurl");
        assertThat(head.metadata()).containsKey("sha256");
        assertThat(store.open("t1", MANIFEST).orElseThrow().localFile()).isEmpty();
    }

    @Test
    void objectsListsTheVersionPrefixAndSkipsKeysThatAreNotObjectPaths() throws IOException {
        Publication p = store.publish("t1", Fixtures.version(sources, "one", 1));
        String version = prefix + "t1/" + p.version() + "/";
        client().putObject(b -> b.bucket(BUCKET).key(version + ".hidden.m4s"), RequestBody.fromString("x"));
        client().putObject(b -> b.bucket(BUCKET).key(version + "bad name.m4s"), RequestBody.fromString("x"));

        assertThat(store.objects("t1", p.version()))
                .extracting(OriginObjectInfo::path)
                .containsExactly(
                        "init.mp4",
                        MANIFEST,
                        "subs/en.vtt",
                        Fixtures.segmentNames("one", 1).getFirst());
    }

    @Test
    void largeFilesGoUpInPartsAndReadBackWithRanges() throws IOException {
        long partSize = 5L * 1024 * 1024;
        byte[] big = new byte[(int) (2 * partSize + 12345)];
        new Random(42).nextBytes(big);
        Path dir = Files.createTempDirectory(sources, "big");
        Fixtures.write(dir, "video/1080p.mp4", big);
        Fixtures.write(dir, MANIFEST, "#EXTM3U\n".getBytes(StandardCharsets.UTF_8));
        OriginStore multipart = track(S3OriginStore.builder()
                .client(client())
                .bucket(BUCKET)
                .prefix(prefix)
                .multipartThreshold(partSize)
                .partSize(partSize)
                .build());

        multipart.publish("big", dir);

        OriginObject object = multipart.open("big", "video/1080p.mp4").orElseThrow();
        assertThat(object.size()).isEqualTo(big.length);
        assertThat(read(object)).isEqualTo(big);
        long boundary = partSize - 100;
        assertThat(read(object, boundary, 300))
                .isEqualTo(Arrays.copyOfRange(big, (int) boundary, (int) boundary + 300));
        assertThat(read(object, big.length - 1, 1)).containsExactly(big[big.length - 1]);
        assertThat(client().listMultipartUploads(b -> b.bucket(BUCKET).prefix(prefix))
                        .uploads())
                .isEmpty();
    }

    @Test
    void prefixesIsolateStores() throws IOException {
        store.publish("t1", Fixtures.version(sources, "one", 1));
        OriginStore neighbour = track(S3OriginStore.builder()
                .client(client())
                .bucket(BUCKET)
                .prefix(prefix + "nested/")
                .build());

        assertThat(neighbour.titles()).isEmpty();
        assertThat(neighbour.current("t1")).isEmpty();
        neighbour.publish("t1", Fixtures.version(sources, "two", 1));
        assertThat(store.titles()).containsExactly("t1");
    }

    @Test
    void settingsCreateAStoreThatOwnsItsClient() throws IOException {
        String id = System.getProperty("aws.accessKeyId");
        String secret = System.getProperty("aws.secretAccessKey");
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        try (OriginStore fromSettings = OriginStores.create(OriginSettings.s3(BUCKET, prefix, endpoint, null, true))) {
            Publication p = fromSettings.publish("t1", Fixtures.version(sources, "one", 1));
            assertThat(store.current("t1")).contains(p);
        } finally {
            restore("aws.accessKeyId", id);
            restore("aws.secretAccessKey", secret);
        }
    }

    private static void restore(String property, @Nullable String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
