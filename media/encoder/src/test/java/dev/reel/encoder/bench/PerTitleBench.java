package dev.reel.encoder.bench;

import dev.reel.encoder.corpus.CorpusSpec;
import dev.reel.encoder.corpus.SyntheticClip;
import dev.reel.encoder.corpus.SyntheticCorpus;
import dev.reel.encoder.corpus.SyntheticMaster;
import dev.reel.encoder.farm.ChildProcessCpu;
import dev.reel.encoder.farm.LocalFarm;
import dev.reel.encoder.ffmpeg.FfmpegResult;
import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.ladder.BjontegaardDelta;
import dev.reel.encoder.ladder.BjontegaardDelta.Interpolation;
import dev.reel.encoder.ladder.EncodedRendition;
import dev.reel.encoder.ladder.FixedLadder;
import dev.reel.encoder.ladder.Ladder;
import dev.reel.encoder.ladder.LadderPolicy;
import dev.reel.encoder.ladder.PerTitleAnalyzer;
import dev.reel.encoder.ladder.PerTitleLadderPlanner;
import dev.reel.encoder.ladder.QualityMetric;
import dev.reel.encoder.ladder.QualityScore;
import dev.reel.encoder.ladder.RateQualityPoint;
import dev.reel.encoder.ladder.Rung;
import dev.reel.encoder.ladder.RungEncoder;
import dev.reel.encoder.ladder.SourceVideo;
import dev.reel.encoder.ladder.SsimMetric;
import dev.reel.encoder.ladder.TrialEncoder;
import dev.reel.encoder.ladder.TrialPlan;
import dev.reel.encoder.ladder.VbrSettings;
import dev.reel.encoder.ladder.X264Settings;
import dev.reel.encoder.probe.MediaProber;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Per-title against fixed ladder on a synthetic corpus. For each clip: the per-title ladder from trial encodes, and
 * Netflix's 2015 fixed ladder, both encoded as capped VBR and every rung measured (SSIM-Y dB against the master); the
 * BD-rate of per-title against fixed over each ladder's efficient rungs (see {@link BjontegaardDelta#efficient}) and
 * the quality range both cover; and the top rung of each. Every ffmpeg process (reference decodes, trial encodes,
 * rung passes, measurements) runs as a task on a {@link LocalFarm} of {@code cores} workers, and the farm's overhead is
 * wall time ÷ (CPU time of those processes ÷ cores) − 1. Run through {@code bench/per-title}; options are in {@link
 * #USAGE}.
 */
public final class PerTitleBench {

    static final String USAGE = """
            Usage: bench/per-title [options]
              --cores N            farm workers (default: available processors)
              --size WxH           master size (default 1920x1080)
              --seconds S          clip length (default 4)
              --fps N              frame rate (default 24)
              --clips a,b,...      clips (default flat-cartoon,test-pattern,fractal-zoom,life,high-motion,grain; 'all' for every one)
              --crfs a,b,...       trial CRFs (default 18,23,28,33,38)
              --heights a,b,...    candidate heights (default 240,360,480,720,1080,2160)
              --preset P           x264 preset for trials and rungs (default veryfast)
              --passes 1|2         capped-VBR passes for rungs (default 2)
              --out DIR            where ladders and measurements are written as JSON (default media/encoder/target/bench-per-title)
              --keep               keep the work directory (masters, raw references)
              --verbose            print each clip's hull and measured rungs
            """;

    private static final int PRIORITY_REFERENCE = 40;
    private static final int PRIORITY_TRIAL = 30;
    private static final int PRIORITY_PER_TITLE_RUNG = 20;
    private static final int PRIORITY_FIXED_RUNG = 10;

    private static final double GOAL_SAVING = 20;
    private static final double GOAL_OVERHEAD = 15;

    private final Options options;
    private final AtomicLong cpuNanos = new AtomicLong();
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong runsWithoutCpu = new AtomicLong();

    private PerTitleBench(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        new PerTitleBench(options).run();
    }

    private void run() throws Exception {
        FfmpegRunner runner = FfmpegRunner.fromEnvironment().withListener(this::account);
        Path work = Files.createTempDirectory("reel-per-title-");
        try (LocalFarm farm = LocalFarm.start(options.cores)) {
            // On Ctrl-C, interrupting the workers makes the runner kill their ffmpeg processes.
            Thread stopFarm = new Thread(() -> farm.close(Duration.ofSeconds(5)));
            Runtime.getRuntime().addShutdownHook(stopFarm);
            run(runner, farm, work);
            Runtime.getRuntime().removeShutdownHook(stopFarm);
        } finally {
            if (options.keep) {
                System.out.println("bench: work directory kept at " + work);
            } else {
                deleteTree(work);
            }
        }
    }

    private void run(FfmpegRunner runner, LocalFarm farm, Path work) throws Exception {
        CorpusSpec spec = CorpusSpec.builder()
                .size(options.width, options.height)
                .frameRate(options.fps)
                .seconds(options.seconds)
                .clips(options.clips)
                .build();
        System.out.printf(
                Locale.ROOT,
                "bench: per-title vs fixed ladder, %d clips of %.1f s at %dx%d %d fps, x264 %s, trial CRFs %s,"
                        + " %d-pass capped VBR rungs, %d workers%n",
                spec.clips().size(),
                spec.seconds(),
                spec.width(),
                spec.height(),
                spec.frameRate(),
                options.preset,
                options.crfs,
                options.passes,
                options.cores);

        long corpusStart = System.nanoTime();
        List<SyntheticMaster> masters = new SyntheticCorpus(runner)
                .generateAll(spec, work, 1, farm.executor(0))
                .join();
        System.out.printf(Locale.ROOT, "bench: corpus generated in %.1f s%n", seconds(System.nanoTime() - corpusStart));
        MediaProber prober = new MediaProber(runner);
        List<SourceVideo> sources = new ArrayList<>();
        for (SyntheticMaster master : masters) {
            sources.add(SourceVideo.of(master.file(), prober.probe(master.file())));
        }

        X264Settings x264 = new X264Settings(options.preset, 2.0, 1);
        QualityMetric metric = new SsimMetric(runner, 1);
        VbrSettings vbr = new VbrSettings(1.5, 2.0, options.passes);
        LadderPolicy policy = LadderPolicy.builder(metric.thresholds()).vbr(vbr).build();
        TrialPlan plan =
                TrialPlan.builder().heights(options.heights).crfs(options.crfs).build();
        PerTitleAnalyzer analyzer = new PerTitleAnalyzer(
                new TrialEncoder(runner, metric, x264, work), plan, new PerTitleLadderPlanner(policy));
        RungEncoder rungEncoder = new RungEncoder(runner, x264, work);
        FixedLadder fixed = FixedLadder.netflix2015();

        long cpuBefore = cpuNanos.get();
        Optional<Duration> childrenBefore = ChildProcessCpu.total();
        long runsBefore = runs.get();
        long withoutCpuBefore = runsWithoutCpu.get();
        long[] machineBefore = machineJiffies();
        long jvmBefore = jvmCpuNanos();
        long farmStart = System.nanoTime();
        List<CompletableFuture<ClipResult>> results = new ArrayList<>();
        for (int i = 0; i < masters.size(); i++) {
            SyntheticClip clip = masters.get(i).clip();
            SourceVideo master = sources.get(i);
            CompletableFuture<SourceVideo> reference = farm.submit(
                    PRIORITY_REFERENCE, () -> master.decodeToRaw(runner, work.resolve(clip.id() + ".nut"), 1));
            CompletableFuture<Ladder> perTitle =
                    reference.thenCompose(ref -> analyzer.analyse(ref, farm.executor(PRIORITY_TRIAL)));
            CompletableFuture<List<RateQualityPoint>> perTitleMeasured = perTitle.thenCombine(
                            reference,
                            (ladder, ref) -> measureAll(
                                    farm,
                                    rungEncoder,
                                    metric,
                                    ref,
                                    ladder,
                                    vbr.passes(),
                                    PRIORITY_PER_TITLE_RUNG,
                                    work))
                    .thenCompose(future -> future);
            CompletableFuture<Ladder> fixedLadder = reference.thenApply(ref -> fixed.ladderFor(ref.resolution(), vbr));
            CompletableFuture<List<RateQualityPoint>> fixedMeasured = fixedLadder
                    .thenCombine(
                            reference,
                            (ladder, ref) -> measureAll(
                                    farm, rungEncoder, metric, ref, ladder, vbr.passes(), PRIORITY_FIXED_RUNG, work))
                    .thenCompose(future -> future);
            results.add(CompletableFuture.allOf(perTitle, perTitleMeasured, fixedLadder, fixedMeasured)
                    .thenApply(done -> new ClipResult(
                            clip, perTitle.join(), perTitleMeasured.join(), fixedLadder.join(), fixedMeasured.join())));
        }
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).join();
        long wallNanos = System.nanoTime() - farmStart;
        long loopCpu = cpuNanos.get() - cpuBefore;
        // Whole ffmpeg processes (start-up, probing and clean-up included) when /proc tells; else the loop times.
        Optional<Duration> childrenAfter = ChildProcessCpu.total();
        long farmCpu = childrenBefore.isPresent() && childrenAfter.isPresent()
                ? childrenAfter.get().minus(childrenBefore.get()).toNanos()
                : loopCpu;
        long farmRuns = runs.get() - runsBefore;
        long[] machineAfter = machineJiffies();
        long jvmCpu = jvmCpuNanos() - jvmBefore;

        JsonMapper json =
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.createDirectories(options.out);
        List<Double> bdRates = new ArrayList<>();
        List<Double> polynomialBdRates = new ArrayList<>();
        List<Double> perTitleTops = new ArrayList<>();
        List<Double> fixedTops = new ArrayList<>();
        for (CompletableFuture<ClipResult> future : results) {
            ClipResult result = future.join();
            Double bdRate = result.bdRate(Interpolation.PCHIP);
            Double polynomialBdRate = result.bdRate(Interpolation.POLYNOMIAL);
            if (bdRate != null && polynomialBdRate != null) {
                bdRates.add(bdRate);
                polynomialBdRates.add(polynomialBdRate);
            }
            perTitleTops.add(result.perTitle.top().bitrate() / 1000.0);
            fixedTops.add(result.fixed.top().bitrate() / 1000.0);
            System.out.println(result.line());
            if (options.verbose) {
                System.out.println("  hull:      " + result.perTitle.hull());
                System.out.println("  per-title: " + result.perTitleMeasured);
                System.out.println("  fixed:     " + result.fixedMeasured);
            }
            json.writeValue(options.out.resolve(result.clip.id() + ".json").toFile(), result.toJson());
        }

        double saving =
                -bdRates.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double wall = seconds(wallNanos);
        double cpu = seconds(farmCpu);
        double ratio = wall / (cpu / options.cores);
        double machineBusy = (machineAfter[0] - machineBefore[0]) / (double) machineAfter[2];
        double machineTotal = (machineAfter[1] - machineBefore[1]) / (double) machineAfter[2];
        System.out.printf(
                Locale.ROOT,
                "bench: average over %d clips: bd-rate %+.1f %% (single cubic polynomial: %+.1f %%), top rung per-title"
                        + " %.0f kbps, fixed %.0f kbps%n",
                bdRates.size(),
                -saving,
                polynomialBdRates.stream()
                        .mapToDouble(Double::doubleValue)
                        .average()
                        .orElse(Double.NaN),
                perTitleTops.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                fixedTops.stream().mapToDouble(Double::doubleValue).average().orElse(0));
        System.out.printf(
                Locale.ROOT,
                "bench: farm ran %d ffmpeg processes in %.1f s wall using %.1f s CPU (%.1f s of it in their transcode"
                        + " loops, per -benchmark) on %d workers: wall / (cpu / cores) = %.3f; this JVM used %.1f s CPU;"
                        + " the machine was %.0f %% busy (%.1f of %.1f core-seconds, ours included)%n",
                farmRuns,
                wall,
                cpu,
                seconds(loopCpu),
                options.cores,
                ratio,
                seconds(jvmCpu),
                100 * machineBusy / machineTotal,
                machineBusy,
                machineTotal);
        if (runsWithoutCpu.get() > withoutCpuBefore) {
            System.out.println(
                    "bench: " + (runsWithoutCpu.get() - withoutCpuBefore) + " ffmpeg runs printed no -benchmark line");
        }
        System.out.println("bench: ladders and measurements written to " + options.out);
        System.out.printf(Locale.ROOT, "bench: bd-rate-saving %.1f %% (goal %.0f %%)%n", saving, GOAL_SAVING);
        System.out.printf(
                Locale.ROOT, "bench: farm-overhead %.1f %% (goal %.0f %%)%n", (ratio - 1) * 100, GOAL_OVERHEAD);
    }

    /** Encodes and measures every rung of {@code ladder}, one farm task per rung, largest first. */
    private static CompletableFuture<List<RateQualityPoint>> measureAll(
            LocalFarm farm,
            RungEncoder encoder,
            QualityMetric metric,
            SourceVideo reference,
            Ladder ladder,
            int passes,
            int priority,
            Path work) {
        List<Rung> rungs = new ArrayList<>(ladder.rungs());
        rungs.sort(Comparator.comparingLong((Rung rung) -> rung.resolution().pixels() * passes)
                .thenComparingLong(Rung::bitrate)
                .reversed());
        List<CompletableFuture<RateQualityPoint>> futures = new ArrayList<>();
        for (Rung rung : rungs) {
            futures.add(farm.submit(priority, () -> {
                try {
                    Path file = Files.createTempFile(work, "rung-" + rung.resolution() + "-", ".h264");
                    try {
                        EncodedRendition rendition = encoder.encode(reference, rung, passes, file);
                        QualityScore score = metric.measure(file, reference);
                        return new RateQualityPoint(
                                rung.resolution(), rung.crf(), rendition.bitrate(), score.value(), score.details());
                    } finally {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(done -> futures.stream()
                        .map(CompletableFuture::join)
                        .sorted(Comparator.comparingLong(RateQualityPoint::bitrate))
                        .toList());
    }

    private void account(FfmpegResult result) {
        runs.incrementAndGet();
        if (result.cpuTime() == null && !result.command().getFirst().endsWith("ffprobe")) {
            runsWithoutCpu.incrementAndGet();
            if (options.verbose) {
                System.err.println("bench: no CPU time from " + result.command() + ": " + result.stderrTail());
            }
        }
        cpuNanos.addAndGet(result.cpuTimeOrZero().total().toNanos());
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Busy and total jiffies over all CPUs from /proc/stat, and jiffies per second; zeros where unavailable. */
    private static long[] machineJiffies() {
        try {
            String[] fields =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            long idle = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                long value = Long.parseLong(fields[i]);
                total += value;
                if (i == 4 || i == 5) {
                    idle += value; // idle, iowait
                }
            }
            return new long[] {total - idle, total, 100};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0, 100};
        }
    }

    private static long jvmCpuNanos() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(0L);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private record ClipResult(
            SyntheticClip clip,
            Ladder perTitle,
            List<RateQualityPoint> perTitleMeasured,
            Ladder fixed,
            List<RateQualityPoint> fixedMeasured) {

        /**
         * BD-rate of per-title against fixed over each ladder's efficient rungs, or null when the curves share no
         * quality range.
         */
        @Nullable
        Double bdRate(Interpolation interpolation) {
            try {
                return BjontegaardDelta.rate(
                        BjontegaardDelta.efficient(fixedMeasured),
                        BjontegaardDelta.efficient(perTitleMeasured),
                        interpolation);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        String line() {
            @Nullable Double bdRate = bdRate(Interpolation.PCHIP);
            @Nullable Double polynomial = bdRate(Interpolation.POLYNOMIAL);
            double[] shared = BjontegaardDelta.sharedQualityRange(
                    BjontegaardDelta.efficient(fixedMeasured), BjontegaardDelta.efficient(perTitleMeasured));
            RateQualityPoint perTitleTop = perTitleMeasured.getLast();
            RateQualityPoint fixedTop = fixedMeasured.getLast();
            return String.format(
                    Locale.ROOT,
                    "clip %-13s bd-rate %s (polynomial %s)  per-title %d rungs, top %s %5.0f kbps (%5.2f dB)  fixed %d"
                            + " rungs, top %s %5.0f kbps (%5.2f dB)  shared quality %s",
                    clip.id(),
                    percent(bdRate),
                    percent(polynomial),
                    perTitle.rungs().size(),
                    perTitle.top().resolution().label(),
                    perTitle.top().bitrate() / 1000.0,
                    perTitleTop.quality(),
                    fixed.rungs().size(),
                    fixed.top().resolution().label(),
                    fixed.top().bitrate() / 1000.0,
                    fixedTop.quality(),
                    shared == null ? "none" : String.format(Locale.ROOT, "%.1f..%.1f dB", shared[0], shared[1]));
        }

        private static String percent(@Nullable Double value) {
            return value == null ? "   n/a  " : String.format(Locale.ROOT, "%+6.1f %%", value);
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("clip", clip.id());
            json.put("bdRatePercent", bdRate(Interpolation.PCHIP));
            json.put("bdRatePercentPolynomial", bdRate(Interpolation.POLYNOMIAL));
            json.put("perTitle", perTitle);
            json.put("perTitleMeasured", perTitleMeasured);
            json.put("fixed", fixed);
            json.put("fixedMeasured", fixedMeasured);
            return json;
        }
    }

    private static final class Options {
        int cores = Runtime.getRuntime().availableProcessors();
        int width = 1920;
        int height = 1080;
        double seconds = 4;
        int fps = 24;
        List<SyntheticClip> clips = Stream.of(
                        "flat-cartoon", "test-pattern", "fractal-zoom", "life", "high-motion", "grain")
                .map(SyntheticClip::byId)
                .toList();
        List<Integer> crfs = List.of(18, 23, 28, 33, 38);
        List<Integer> heights = TrialPlan.STANDARD_HEIGHTS;
        String preset = "veryfast";
        int passes = 2;
        Path out = Path.of("media/encoder/target/bench-per-title");
        boolean keep;
        boolean verbose;

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--keep")) {
                    options.keep = true;
                    continue;
                }
                if (name.equals("--verbose")) {
                    options.verbose = true;
                    continue;
                }
                if (name.equals("--help") || name.equals("-h")) {
                    throw new IllegalArgumentException("options");
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + name);
                }
                String value = args[++i];
                switch (name) {
                    case "--cores" -> options.cores = Integer.parseInt(value);
                    case "--size" -> {
                        String[] size = value.toLowerCase(Locale.ROOT).split("x");
                        options.width = Integer.parseInt(size[0]);
                        options.height = Integer.parseInt(size[1]);
                    }
                    case "--seconds" -> options.seconds = Double.parseDouble(value);
                    case "--fps" -> options.fps = Integer.parseInt(value);
                    case "--clips" ->
                        options.clips = value.equals("all")
                                ? List.of(SyntheticClip.values())
                                : Arrays.stream(value.split(","))
                                        .map(SyntheticClip::byId)
                                        .toList();
                    case "--crfs" -> options.crfs = integers(value);
                    case "--heights" -> options.heights = integers(value);
                    case "--preset" -> options.preset = value;
                    case "--passes" -> options.passes = Integer.parseInt(value);
                    case "--out" -> options.out = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (options.cores <= 0) {
                throw new IllegalArgumentException("--cores must be positive");
            }
            return options;
        }

        private static List<Integer> integers(String value) {
            return Arrays.stream(value.split(","))
                    .map(String::trim)
                    .map(Integer::valueOf)
                    .toList();
        }
    }
}
