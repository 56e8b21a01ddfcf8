package dev.reel.encoder;

import dev.reel.origin.OriginSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the encoder service, bound from {@code reel.encoder.*}. Every value has a default that suits the embedded
 * platform; {@code config/encoder.yml} derives the paths from {@code reel.data-dir}.
 *
 * @param workDir the scratch area: {@code uploads/}, {@code masters/} and {@code jobs/<jobId>/}; every instance that
 *     works on the same jobs must see the same directory
 * @param origin where packaged titles are published
 * @param keys the key store the content keys are written to
 * @param jobs the job engine: workers, leases, retries and encoding profiles
 * @param uploads the limits of studio uploads
 */
@ConfigurationProperties("reel.encoder")
public record EncoderProperties(
        @DefaultValue(".reel/encoder") Path workDir,
        @Nullable OriginSettings origin,
        @DefaultValue Keys keys,
        @DefaultValue Jobs jobs,
        @DefaultValue Uploads uploads) {

    public EncoderProperties {
        origin = origin == null ? OriginSettings.local() : origin;
    }

    /** {@code <work-dir>/jobs}: one scratch directory per job. */
    public Path jobsDir() {
        return workDir.resolve("jobs");
    }

    /**
     * The key store (its own PostgreSQL database). The encoder holds only the licence public key: it can store content
     * keys but never read them back.
     *
     * @param url JDBC URL of the key store database
     * @param username its user
     * @param password its password, empty for none
     * @param publicKey PEM file of the licence public key the content keys are wrapped with
     * @param poolSize connections to the key store (a job writes one key)
     */
    public record Keys(
            @DefaultValue("jdbc:postgresql://localhost:15432/keys")
            String url,

            @DefaultValue("postgres") String username,
            @DefaultValue("") String password,

            @DefaultValue(".reel/secrets/licence-public.pem")
            Path publicKey,

            @DefaultValue("2") int poolSize) {}

    /**
     * The job engine. All coordination between workers, and between encoder instances, is in the database.
     *
     * @param workers worker threads per instance, each running one task (one ffmpeg process) at a time; empty means
     *     one per available processor, 0 runs no workers (an API-only instance)
     * @param instanceId names this instance in task leases; empty means {@code <host>-<pid>-<random>}
     * @param pollInterval how long an idle worker waits before looking for a task again
     * @param lease how long a claimed task stays with its worker without a heartbeat; a worker that dies loses its
     *     tasks after this
     * @param heartbeat how often running tasks' leases are renewed; well below {@code lease}
     * @param maxAttempts attempts per task before the job fails
     * @param retryBackoff wait before a failed task's second attempt, doubling for each further one
     * @param segment the packaging segment duration; chunk boundaries are multiples of it
     * @param gop the keyframe interval; {@code segment} must be a multiple of it
     * @param ffmpegThreads threads per ffmpeg process (1 when every core runs a worker)
     * @param analysisThreads parallel trial encodes within one analysis task; empty means one per processor
     * @param analysisWindow how much of the master the per-title trials encode (from the start)
     * @param shutdownGrace how long a graceful stop waits for workers to hand their tasks back
     * @param events the {@code .../events} stream
     * @param profiles the presets of {@code FAST} and {@code STANDARD} jobs
     */
    public record Jobs(
            @Nullable Integer workers,
            @Nullable String instanceId,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("30s") Duration lease,
            @DefaultValue("10s") Duration heartbeat,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("5s") Duration retryBackoff,
            @DefaultValue("4s") Duration segment,
            @DefaultValue("2s") Duration gop,
            @DefaultValue("1") int ffmpegThreads,
            @Nullable Integer analysisThreads,
            @DefaultValue("60s") Duration analysisWindow,
            @DefaultValue("10s") Duration shutdownGrace,
            @DefaultValue Events events,
            @DefaultValue Profiles profiles) {

        public Jobs {
            if (workers != null && workers < 0) {
                throw new IllegalArgumentException("reel.encoder.jobs.workers must not be negative: " + workers);
            }
            if (heartbeat.compareTo(lease) >= 0) {
                throw new IllegalArgumentException("reel.encoder.jobs.heartbeat (" + heartbeat
                        + ") must be shorter than the lease (" + lease + ")");
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("reel.encoder.jobs.max-attempts must be at least 1");
            }
            if (segment.toMillis() % gop.toMillis() != 0) {
                throw new IllegalArgumentException(
                        "reel.encoder.jobs.segment (" + segment + ") must be a multiple of the gop (" + gop + ")");
            }
        }

        /** The worker count, resolving "empty" to the available processors. */
        public int workerCount() {
            return workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        }

        /** The trial parallelism, resolving "empty" to the available processors. */
        public int analysisThreadCount() {
            return analysisThreads == null || analysisThreads < 1
                    ? Runtime.getRuntime().availableProcessors()
                    : analysisThreads;
        }
    }

    /**
     * @param pollInterval how often the stream looks at the job (in the database, so it sees every instance's work)
     * @param heartbeat how often a comment keeps idle proxies from closing the stream
     * @param timeout the longest a stream stays open
     */
    public record Events(
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("15s") Duration heartbeat,
            @DefaultValue("2h") Duration timeout) {}

    /**
     * The two encoding profiles. A profile given only in part takes the rest from its defaults ({@link
     * Profile#FAST_DEFAULTS}, {@link Profile#STANDARD_DEFAULTS}).
     */
    public record Profiles(@Nullable Profile fast, @Nullable Profile standard) {

        public Profiles {
            fast = Profile.FAST_DEFAULTS.overriddenBy(fast);
            standard = Profile.STANDARD_DEFAULTS.overriddenBy(standard);
        }

        /** The fast profile, never null. */
        public Profile fastProfile() {
            return Objects.requireNonNull(fast);
        }

        /** The standard profile, never null. */
        public Profile standardProfile() {
            return Objects.requireNonNull(standard);
        }
    }

    /**
     * How hard a job works. Unset fields take the profile's defaults.
     *
     * @param preset the x264 preset of trials and rungs
     * @param passes 1 or 2 passes per rung
     * @param chunkSegments segments per chunk: the unit of parallel work
     * @param trialHeights candidate heights of the per-title trials
     * @param trialCrfs CRFs of the per-title trials
     */
    public record Profile(
            @Nullable String preset,
            @Nullable Integer passes,
            @Nullable Integer chunkSegments,
            @Nullable List<Integer> trialHeights,
            @Nullable List<Integer> trialCrfs) {

        /** veryfast, one pass, 2-segment chunks, a sparse grid: for demo and test clips. */
        public static final Profile FAST_DEFAULTS =
                new Profile("veryfast", 1, 2, List.of(144, 240, 360, 720, 1080), List.of(23, 31, 39));

        /** slow, two passes, 8-segment chunks, the full grid: for real content. */
        public static final Profile STANDARD_DEFAULTS =
                new Profile("slow", 2, 8, List.of(240, 360, 480, 720, 1080, 2160), List.of(18, 23, 28, 33, 38));

        /** This profile with the fields {@code other} sets replaced. */
        Profile overriddenBy(@Nullable Profile other) {
            if (other == null) {
                return this;
            }
            return new Profile(
                    other.preset != null ? other.preset : preset,
                    other.passes != null ? other.passes : passes,
                    other.chunkSegments != null ? other.chunkSegments : chunkSegments,
                    other.trialHeights != null && !other.trialHeights.isEmpty() ? other.trialHeights : trialHeights,
                    other.trialCrfs != null && !other.trialCrfs.isEmpty() ? other.trialCrfs : trialCrfs);
        }
    }

    /**
     * Limits of studio uploads.
     *
     * @param maxSize the largest master accepted; a declared length above it is refused with 413 before anything is
     *     written
     * @param maxChunk the largest body one {@code PATCH} may carry (413 above it); the service kit's
     *     {@code reel.kit.web.max-request-body} must be at least this large
     * @param expireAfter how long an unfinished upload is kept after its last chunk; the cleaner then deletes it and
     *     its bytes
     * @param cleanInterval how often the cleaner looks for expired uploads
     */
    public record Uploads(
            @DefaultValue("20GB") DataSize maxSize,
            @DefaultValue("64MB") DataSize maxChunk,
            @DefaultValue("24h") Duration expireAfter,
            @DefaultValue("10m") Duration cleanInterval) {}
}
