package dev.reel.encoder.job.internal;

import dev.reel.encoder.EncoderProperties;
import dev.reel.encoder.chunk.AssemblyVerifier;
import dev.reel.encoder.chunk.Chunk;
import dev.reel.encoder.chunk.ChunkAssemblyException;
import dev.reel.encoder.chunk.ChunkEncoder;
import dev.reel.encoder.chunk.ChunkPlanner;
import dev.reel.encoder.chunk.EncodedChunk;
import dev.reel.encoder.chunk.RungAssembler;
import dev.reel.encoder.chunk.RungVerification;
import dev.reel.encoder.farm.LocalFarm;
import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.files.FileTrees;
import dev.reel.encoder.job.JobRequest.LadderMode;
import dev.reel.encoder.ladder.FixedLadder;
import dev.reel.encoder.ladder.Ladder;
import dev.reel.encoder.ladder.LadderPolicy;
import dev.reel.encoder.ladder.PerTitleAnalyzer;
import dev.reel.encoder.ladder.PerTitleLadderPlanner;
import dev.reel.encoder.ladder.Rung;
import dev.reel.encoder.ladder.SourceVideo;
import dev.reel.encoder.ladder.SsimMetric;
import dev.reel.encoder.ladder.TrialEncoder;
import dev.reel.encoder.pack.AudioEncoder;
import dev.reel.encoder.pack.AudioInput;
import dev.reel.encoder.pack.PackageRequest;
import dev.reel.encoder.pack.PackagedTitle;
import dev.reel.encoder.pack.Packager;
import dev.reel.encoder.pack.SubtitleExtractor;
import dev.reel.encoder.pack.SubtitleInput;
import dev.reel.encoder.pack.TrickplayGenerator;
import dev.reel.encoder.pack.TrickplayInput;
import dev.reel.encoder.pack.VideoInput;
import dev.reel.encoder.probe.MediaInfo;
import dev.reel.encoder.probe.MediaProber;
import dev.reel.keystore.ContentKey;
import dev.reel.keystore.ContentKeyWriter;
import dev.reel.origin.OriginStore;
import dev.reel.origin.Publication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Does the work of each task kind, outside any transaction. Everything a task needs comes from the job row and from
 * earlier tasks' outputs; everything it makes goes to the job's scratch directory ({@link JobDirectories}) and its
 * output JSON. Each task gets its own {@link FfmpegRunner} view that sums the CPU time of the processes it runs.
 */
@Component
class TaskWork {

    private static final Logger log = LoggerFactory.getLogger(TaskWork.class);

    private final FfmpegRunner ffmpeg;
    private final OriginStore origin;
    private final ContentKeyWriter keys;
    private final JsonMapper json;
    private final EncoderProperties.Jobs settings;
    private final JobDirectories dirs;
    private final TaskQueue queue;

    TaskWork(
            TaskQueue queue,
            FfmpegRunner ffmpeg,
            OriginStore origin,
            ContentKeyWriter keys,
            JsonMapper json,
            EncoderProperties properties) {
        this.queue = queue;
        this.ffmpeg = ffmpeg;
        this.origin = origin;
        this.keys = keys;
        this.json = json;
        this.settings = properties.jobs();
        this.dirs = new JobDirectories(properties.jobsDir());
    }

    JobDirectories directories() {
        return dirs;
    }

    /**
     * Runs one task.
     *
     * @throws PermanentTaskFailure when another attempt cannot succeed
     * @throws RuntimeException for anything else (ffmpeg, I/O), which is retried
     */
    TaskResult run(ClaimedTask task, JobRow job) throws InterruptedException {
        AtomicLong cpu = new AtomicLong();
        FfmpegRunner runner = ffmpeg.withListener(
                result -> cpu.addAndGet(result.cpuTimeOrZero().total().toMillis()));
        EncodingSettings encoding = EncodingSettings.of(settings, job.profile());
        try {
            return switch (task.kind()) {
                case ANALYSE -> analyse(task, job, runner, encoding, cpu);
                case VIDEO_CHUNK -> new TaskResult(videoChunk(task, job, runner, encoding), cpu.get(), null);
                case AUDIO -> new TaskResult(audio(task, job, runner), cpu.get(), null);
                case SUBTITLES -> new TaskResult(subtitles(task, job, runner), cpu.get(), null);
                case TRICKPLAY -> new TaskResult(trickplay(task, job, runner), cpu.get(), null);
                case PACKAGE -> new TaskResult(packageTitle(task, job, runner, encoding), cpu.get(), null);
                case PUBLISH -> new TaskResult(publish(job), cpu.get(), null);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a finished job's scratch directory; the master stays where the upload put it. */
    void cleanUp(UUID jobId) {
        try {
            FileTrees.deleteRecursively(dirs.job(jobId));
        } catch (IOException e) {
            log.warn("could not delete the scratch directory of job {}: {}", jobId, e.toString());
        }
    }

    // --- analysing ------------------------------------------------------------------------------------------------

    private TaskResult analyse(
            ClaimedTask task, JobRow job, FfmpegRunner runner, EncodingSettings encoding, AtomicLong cpu)
            throws IOException, InterruptedException {
        MediaInfo probed = new MediaProber(runner).probe(job.master(), true);
        SourceVideo source = SourceVideo.of(job.master(), probed);
        List<Chunk> plan = new ChunkPlanner(encoding.targetChunk(), encoding.segment())
                .plan(
                        source.duration(),
                        source.frameRate(),
                        probed.keyframeTimes() == null ? List.of() : probed.keyframeTimes());
        Ladder fixed = FixedLadder.netflix2015().ladderFor(source.resolution(), encoding.vbr());
        Ladder ladder = job.ladderMode() == LadderMode.FIXED ? fixed : perTitle(task, job, runner, encoding, source);
        MediaInfo stored = new MediaInfo(
                probed.formatName(),
                probed.duration(),
                probed.sizeBytes(),
                probed.bitRate(),
                probed.video(),
                probed.audioTracks(),
                probed.subtitleTracks(),
                null);
        log.info(
                "job {}: {} {} rungs {}, {} chunks",
                job.id(),
                ladder.kind(),
                ladder.rungs().size(),
                ladder.rungs(),
                plan.size());
        return new TaskResult(
                json.writeValueAsString(new AnalyseOutput(ladder.rungs().size(), plan.size())),
                cpu.get(),
                new TaskResult.Analysis(
                        json.writeValueAsString(stored),
                        json.writeValueAsString(ladder),
                        json.writeValueAsString(fixed),
                        json.writeValueAsString(plan)));
    }

    private Ladder perTitle(
            ClaimedTask task, JobRow job, FfmpegRunner runner, EncodingSettings encoding, SourceVideo source)
            throws IOException, InterruptedException {
        Path dir = JobDirectories.fresh(dirs.analysis(job.id(), task.attempt()));
        try {
            long windowFrames = Math.max(
                    1,
                    Math.min(
                            source.frameCount(),
                            Math.round(settings.analysisWindow().toMillis() / 1000.0 * source.frameRate())));
            SourceVideo window = new SourceVideo(source.file(), source.resolution(), source.frameRate(), windowFrames);
            SourceVideo reference = window.decodeToRaw(runner, dir.resolve("reference.nut"), settings.ffmpegThreads());
            SsimMetric metric = new SsimMetric(runner, settings.ffmpegThreads());
            LadderPolicy policy = LadderPolicy.builder(metric.thresholds())
                    .vbr(encoding.vbr())
                    .build();
            PerTitleAnalyzer analyzer = new PerTitleAnalyzer(
                    new TrialEncoder(runner, metric, encoding.x264(), dir),
                    encoding.trials(),
                    new PerTitleLadderPlanner(policy));
            try (LocalFarm farm = LocalFarm.start(settings.analysisThreadCount())) {
                return analyzer.analyse(reference, farm.executor(0)).get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("per-title analysis failed", cause);
            }
        } finally {
            FileTrees.deleteRecursively(dir);
        }
    }

    // --- encoding -------------------------------------------------------------------------------------------------

    private String videoChunk(ClaimedTask task, JobRow job, FfmpegRunner runner, EncodingSettings encoding)
            throws IOException {
        Analysed analysed = analysed(job);
        Rung rung = analysed.ladder().rungs().get(task.rung());
        Chunk chunk = analysed.chunks().get(task.part());
        Path scratch = Files.createDirectories(dirs.scratch(job.id()));
        ChunkEncoder encoder =
                new ChunkEncoder(runner, encoding.x264(), encoding.segment(), encoding.passes(), scratch);
        Path file = ChunkEncoder.chunkFile(dirs.rung(job.id(), task.rung()), chunk);
        encoder.encode(analysed.source(job.master()), rung, chunk, file);
        return json.writeValueAsString(new ChunkOutput(file.toString()));
    }

    private String audio(ClaimedTask task, JobRow job, FfmpegRunner runner) throws IOException {
        Analysed analysed = analysed(job);
        Path dir = JobDirectories.fresh(dirs.audio(job.id(), task.part(), task.attempt()));
        AudioInput input = new AudioEncoder(runner).encode(job.master(), analysed.media(), task.part(), dir);
        return json.writeValueAsString(new AudioOutput(
                input.id(),
                input.language(),
                input.name(),
                input.channels(),
                input.bitrate(),
                input.file().toString()));
    }

    private String subtitles(ClaimedTask task, JobRow job, FfmpegRunner runner) throws IOException {
        Analysed analysed = analysed(job);
        Path dir = JobDirectories.fresh(dirs.subtitles(job.id(), task.attempt()));
        List<SubtitleOutput> tracks = new ArrayList<>();
        for (SubtitleInput input : new SubtitleExtractor(runner).extract(job.master(), analysed.media(), dir)) {
            tracks.add(new SubtitleOutput(
                    input.id(), input.language(), input.name(), input.vtt().toString()));
        }
        return json.writeValueAsString(new SubtitlesOutput(tracks));
    }

    private String trickplay(ClaimedTask task, JobRow job, FfmpegRunner runner) throws IOException {
        Analysed analysed = analysed(job);
        Path dir = JobDirectories.fresh(dirs.trickplay(job.id(), task.attempt()));
        TrickplayInput input = new TrickplayGenerator(runner).generate(job.master(), analysed.media(), dir);
        return json.writeValueAsString(new TrickplayOutput(input.directory().toString()));
    }

    // --- packaging ------------------------------------------------------------------------------------------------

    private String packageTitle(ClaimedTask task, JobRow job, FfmpegRunner runner, EncodingSettings encoding)
            throws IOException {
        Analysed analysed = analysed(job);
        SourceVideo source = analysed.source(job.master());
        Path base = JobDirectories.fresh(dirs.packaging(job.id(), task.attempt()));
        JobDirectories.deleteSiblings(base);
        AssemblyVerifier verifier =
                new AssemblyVerifier(source.duration(), source.frameCount(), source.frameRate(), encoding.segment());
        RungAssembler assembler = new RungAssembler(runner);
        List<Rung> rungs = analysed.ladder().rungs();
        List<String> ids = VideoInput.idsFor(rungs);
        List<VideoInput> video = new ArrayList<>(rungs.size());
        List<RungVerification> verified = new ArrayList<>(rungs.size());
        for (int i = 0; i < rungs.size(); i++) {
            Rung rung = rungs.get(i);
            Path rungDir = dirs.rung(job.id(), i);
            List<EncodedChunk> chunks = analysed.chunks().stream()
                    .map(chunk -> new EncodedChunk(chunk, rung, ChunkEncoder.chunkFile(rungDir, chunk)))
                    .toList();
            RungVerification result;
            try {
                result = assembler.assemble(
                        analysed.chunks(),
                        chunks,
                        verifier,
                        base.resolve("rungs").resolve(ids.get(i) + ".mp4"));
            } catch (ChunkAssemblyException e) {
                throw new PermanentTaskFailure("Rung " + ids.get(i) + " cannot be assembled: " + e.getMessage(), e);
            }
            if (!result.ok()) {
                throw new PermanentTaskFailure(
                        "Rung " + ids.get(i) + " does not match the source: " + String.join("; ", result.problems()));
            }
            verified.add(result);
            video.add(new VideoInput(ids.get(i), rung, result.file()));
        }
        List<String> misaligned = RungAssembler.checkAligned(verifier, verified);
        if (!misaligned.isEmpty()) {
            throw new PermanentTaskFailure("Rungs are not aligned: " + String.join("; ", misaligned));
        }
        List<AudioInput> audio = new ArrayList<>();
        for (TaskQueue.Output output : queue.outputs(job.id(), TaskKind.AUDIO)) {
            AudioOutput a = json.readValue(output.json(), AudioOutput.class);
            audio.add(new AudioInput(a.id(), a.language(), a.name(), a.channels(), a.bitrate(), Path.of(a.file())));
        }
        List<SubtitleInput> subtitles = new ArrayList<>();
        String subtitleJson = queue.output(job.id(), TaskKind.SUBTITLES);
        if (subtitleJson != null) {
            for (SubtitleOutput s :
                    json.readValue(subtitleJson, SubtitlesOutput.class).tracks()) {
                subtitles.add(new SubtitleInput(s.id(), s.language(), s.name(), Path.of(s.vtt())));
            }
        }
        String trickplayJson = queue.output(job.id(), TaskKind.TRICKPLAY);
        TrickplayInput trickplay = trickplayJson == null
                ? null
                : new TrickplayInput(Path.of(
                        json.readValue(trickplayJson, TrickplayOutput.class).directory()));

        // The key is stored before any encrypted byte exists; a redone task makes and stores a fresh one.
        ContentKey key = ContentKey.generate();
        keys.store(job.titleId(), job.id(), key);
        Path out = base.resolve("out");
        PackagedTitle packaged = new Packager(runner)
                .pack(new PackageRequest(
                        video, audio, subtitles, trickplay, encoding.segment(), key, out, base.resolve("work")));
        FileTrees.deleteRecursively(base.resolve("rungs"));
        return json.writeValueAsString(new PackageOutput(out.toString(), packaged));
    }

    // --- publishing -----------------------------------------------------------------------------------------------

    private String publish(JobRow job) throws IOException {
        String packageJson =
                Objects.requireNonNull(queue.output(job.id(), TaskKind.PACKAGE), "the package task's output");
        PackageOutput packaged = json.readValue(packageJson, PackageOutput.class);
        String titleId = job.titleId().toString();
        Publication publication = origin.publish(titleId, Path.of(packaged.directory()));
        try {
            origin.collectGarbage(titleId);
        } catch (IOException | RuntimeException e) {
            log.warn("origin garbage collection for title {} failed: {}", titleId, e.toString());
        }
        return json.writeValueAsString(
                new PublishOutput(publication.version(), publication.objectCount(), publication.totalBytes()));
    }

    // --- reading the job's analysis -------------------------------------------------------------------------------

    /** The job's analysis, parsed. */
    record Analysed(MediaInfo media, Ladder ladder, List<Chunk> chunks) {

        SourceVideo source(Path master) {
            return SourceVideo.of(master, media);
        }
    }

    Analysed analysed(JobRow job) {
        if (job.mediaInfo() == null || job.ladder() == null || job.chunkPlan() == null) {
            throw new IllegalStateException("job " + job.id() + " has not been analysed");
        }
        return new Analysed(
                json.readValue(job.mediaInfo(), MediaInfo.class),
                json.readValue(job.ladder(), Ladder.class),
                Arrays.asList(json.readValue(job.chunkPlan(), Chunk[].class)));
    }

    // --- output records -------------------------------------------------------------------------------------------

    record AnalyseOutput(int rungs, int chunks) {}

    record ChunkOutput(String file) {}

    record AudioOutput(String id, String language, String name, int channels, long bitrate, String file) {}

    record SubtitleOutput(String id, String language, String name, String vtt) {}

    record SubtitlesOutput(List<SubtitleOutput> tracks) {}

    record TrickplayOutput(String directory) {}

    /** @param directory the packaged title, as published */
    record PackageOutput(String directory, PackagedTitle packaged) {}

    record PublishOutput(String originVersion, int objects, long bytes) {}
}
