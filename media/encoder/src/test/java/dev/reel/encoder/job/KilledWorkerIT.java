package dev.reel.encoder.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.encoder.EncoderApplication;
import dev.reel.encoder.TestMasters;
import dev.reel.encoder.ffmpeg.FfmpegBinaries;
import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.job.JobRequest.EncodingProfile;
import dev.reel.encoder.job.JobRequest.LadderMode;
import dev.reel.encoder.job.internal.JobWorkers;
import dev.reel.keystore.LicenceKeys;
import dev.reel.origin.OriginStore;
import dev.reel.testkit.TestInfra;
import dev.reel.testkit.TestTokenDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A worker killed mid-task. The packaged {@code target/encoder.jar} runs as a separate process with one worker on the
 * same PostgreSQL and Kafka; its ffmpeg is a wrapper that stalls chunk encodes, so it deterministically holds a
 * VIDEO_CHUNK task when the test SIGKILLs it (and its ffmpeg). This application runs no workers until then; its
 * workers take over once the dead process's lease expires, and the job must still end with every rung's segments
 * exactly once.
 */
@SpringBootTest(classes = {EncoderApplication.class, TestTokenDecoder.class})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KilledWorkerIT {

    private static final Path WORK = tempDir();
    private static final String CHILD = "killed-child";
    private static final Duration LEASE = Duration.ofSeconds(5);

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.registerPostgres(registry, "encoder_killed");
        TestInfra.registerKafka(registry);
        LicenceKeys.writePem(LicenceKeys.generate(), WORK.resolve("secrets"));
        registry.add("reel.encoder.work-dir", () -> WORK.resolve("encoder").toString());
        registry.add("reel.encoder.origin.root", () -> WORK.resolve("origin").toString());
        registry.add("reel.encoder.keys.url", () -> TestInfra.jdbcUrl("keys"));
        registry.add("reel.encoder.keys.public-key", () -> WORK.resolve("secrets/licence-public.pem")
                .toString());
        registry.add("reel.encoder.jobs.workers", () -> "0");
        registry.add("reel.encoder.jobs.lease", LEASE::toString);
        registry.add("reel.encoder.jobs.heartbeat", () -> "1s");
    }

    @Autowired
    Jobs jobs;

    @Autowired
    StudioJobs studio;

    @Autowired
    JobWorkers workers;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OriginStore origin;

    private @Nullable Process child;

    @AfterAll
    void cleanUp() throws IOException, InterruptedException {
        Process process = child;
        if (process != null && process.isAlive()) {
            kill(process);
        }
        try (var files = Files.walk(WORK)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aTaskOfAKilledWorkerIsRedoneAndTheJobEndsWithEverySegmentOnce() throws Exception {
        Path jar = Path.of("target/encoder.jar");
        assertThat(jar)
                .as("the repackaged service jar (package runs before integration-test)")
                .isRegularFile();
        FfmpegRunner ffmpeg = FfmpegRunner.fromEnvironment();
        Path master = TestMasters.generate(
                ffmpeg, Files.createDirectories(WORK.resolve("masters")).resolve("master.mp4"), 8);
        Process process = startChild(jar, ffmpeg.binaries());
        child = process;

        UUID titleId = UUID.randomUUID();
        UUID jobId = transactions.execute(status -> jobs.submit(new JobRequest(
                titleId, UUID.randomUUID(), master, LadderMode.PER_TITLE, EncodingProfile.FAST, UUID.randomUUID())));

        // The child analyses the master, then stalls in its first chunk encode.
        long killedTask = awaitChildChunk(jobId, process, Duration.ofMinutes(3));
        // The task is claimed before its ffmpeg starts: kill only once the wrapper is running.
        awaitChildFfmpeg(process, Duration.ofMinutes(1));
        kill(process);
        assertThat(process.isAlive()).isFalse();
        assertThat(taskRow(killedTask)).containsEntry("state", "RUNNING").containsEntry("attempts", 1);

        // This application's workers take over once the dead worker's lease has run out.
        workers.addWorkers(2);
        JobView job = awaitFinished(jobId, Duration.ofMinutes(4));
        assertThat(job.state()).as(String.valueOf(job.failureReason())).isEqualTo(JobState.DONE);

        Map<String, Object> redone = taskRow(killedTask);
        assertThat(redone).containsEntry("state", "DONE").containsEntry("attempts", 2);
        assertThat((String) redone.get("lease_owner")).startsWith(workers.instanceId() + "/");
        Integer otherRetries = jdbc.sql(
                        "SELECT count(*) FROM tasks WHERE job_id = :job AND attempts <> 1 AND id <> :id")
                .param("job", jobId)
                .param("id", killedTask)
                .query(Integer.class)
                .single();
        assertThat(otherRetries).isZero();

        // Every rung was published with exactly its two 4 s segments, each once, and the init segment.
        JsonNodeResult result = new JsonNodeResult(job);
        assertThat(result.renditions()).isNotEmpty();
        for (String rendition : result.renditions()) {
            List<String> segments = mediaSegments(titleId.toString(), "video/" + rendition);
            assertThat(segments).as(rendition).hasSize(2).doesNotHaveDuplicates();
            for (String segment : segments) {
                assertThat(origin.open(titleId.toString(), "video/" + rendition + "/" + segment))
                        .isPresent();
            }
            assertThat(origin.open(titleId.toString(), "video/" + rendition + "/init.mp4"))
                    .isPresent();
        }
        assertThat(job.result().path("segmentCount").asInt()).isEqualTo(2);
    }

    /** The job's rendition ids from its result. */
    private record JsonNodeResult(JobView job) {
        List<String> renditions() {
            List<String> ids = new ArrayList<>();
            if (job.result() != null) {
                job.result()
                        .path("renditions")
                        .forEach(r -> ids.add(r.path("id").asString()));
            }
            return ids;
        }
    }

    private Process startChild(Path jar, FfmpegBinaries binaries) throws IOException {
        Path wrapper = WORK.resolve("slow-ffmpeg.sh");
        Files.writeString(wrapper, """
                #!/bin/sh
                # Stalls chunk encodes (they force keyframes) so the test can kill the worker mid-task.
                case " $* " in
                  *" -force_key_frames "*) sleep 120 ;;
                esac
                exec %s "$@"
                """.formatted(binaries.ffmpeg()));
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
        Path config = WORK.resolve("child.yml");
        Files.writeString(config, """
                spring:
                  application:
                    name: encoder
                  cloud:
                    config:
                      enabled: false
                  datasource:
                    url: %s
                    username: postgres
                    password: ""
                  kafka:
                    bootstrap-servers: %s
                  flyway:
                    locations: classpath:db/migration,classpath:db/kit
                eureka:
                  client:
                    enabled: false
                server:
                  port: 0
                reel:
                  encoder:
                    work-dir: %s
                    origin:
                      root: %s
                    keys:
                      url: %s
                      public-key: %s
                    jobs:
                      workers: 1
                      instance-id: %s
                      lease: %s
                      heartbeat: 1s
                      poll-interval: 200ms
                      analysis-threads: 1
                      profiles:
                        fast:
                          chunk-segments: 1
                """.formatted(
                        TestInfra.jdbcUrl("encoder_killed"),
                        TestInfra.kafkaBootstrapServers(),
                        WORK.resolve("encoder"),
                        WORK.resolve("origin"),
                        TestInfra.jdbcUrl("keys"),
                        WORK.resolve("secrets/licence-public.pem"),
                        CHILD,
                        LEASE));
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(
                        java,
                        "-Xmx384m",
                        "-XX:TieredStopAtLevel=1",
                        "-jar",
                        jar.toAbsolutePath().toString(),
                        "--spring.config.location=file:" + config)
                .redirectErrorStream(true)
                .redirectOutput(WORK.resolve("child.log").toFile());
        builder.environment().put(FfmpegBinaries.FFMPEG_ENV, wrapper.toString());
        builder.environment().put(FfmpegBinaries.FFPROBE_ENV, binaries.ffprobe().toString());
        return builder.start();
    }

    /** Waits until the child holds a running VIDEO_CHUNK task of the job; returns its id. */
    private long awaitChildChunk(UUID jobId, Process process, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as(childLog()).isTrue();
            Optional<Long> task = jdbc.sql("""
                            SELECT id FROM tasks
                            WHERE job_id = :job AND kind = 'VIDEO_CHUNK' AND state = 'RUNNING'
                              AND lease_owner LIKE :owner
                            """)
                    .param("job", jobId)
                    .param("owner", CHILD + "/%")
                    .query(Long.class)
                    .optional();
            if (task.isPresent()) {
                return task.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the child never held a chunk task; its log:\n" + childLog());
    }

    /** Waits until the child has started its (stalling) ffmpeg wrapper. */
    private static void awaitChildFfmpeg(Process process, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.toHandle().descendants().findAny().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the child never started its ffmpeg; its log:\n" + childLog());
            }
            assertThat(process.isAlive()).as(childLog()).isTrue();
            Thread.sleep(100);
        }
    }

    private JobView awaitFinished(UUID jobId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        JobView job = studio.find(jobId).orElseThrow();
        while (!job.state().finished() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            job = studio.find(jobId).orElseThrow();
        }
        return job;
    }

    private Map<String, Object> taskRow(long id) {
        return jdbc.sql("SELECT state, attempts, lease_owner FROM tasks WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
    }

    private List<String> mediaSegments(String title, String rendition) throws IOException {
        try (InputStream in =
                origin.open(title, rendition + "/index.m3u8").orElseThrow().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();
        }
    }

    /** SIGKILL: the process and everything it started (the ffmpeg wrapper and its sleep), no shutdown hooks. */
    private static void kill(Process process) throws InterruptedException {
        List<ProcessHandle> descendants = process.toHandle().descendants().toList();
        process.toHandle().destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.waitFor();
        for (ProcessHandle descendant : descendants) {
            descendant.onExit().join();
        }
    }

    private static String childLog() {
        try {
            Path log = WORK.resolve("child.log");
            if (!Files.exists(log)) {
                return "";
            }
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("killed-worker-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
