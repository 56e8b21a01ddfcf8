package dev.reel.launcher;

import dev.reel.launcher.studio.ApiProblemException;
import dev.reel.launcher.studio.Backoff;
import dev.reel.launcher.studio.ConnectionException;
import dev.reel.launcher.studio.ConsoleProgress;
import dev.reel.launcher.studio.GatewayClient;
import dev.reel.launcher.studio.Job;
import dev.reel.launcher.studio.JobFollower;
import dev.reel.launcher.studio.Ladder;
import dev.reel.launcher.studio.Profile;
import dev.reel.launcher.studio.ProgressBar;
import dev.reel.launcher.studio.ResumeStore;
import dev.reel.launcher.studio.StudioClient;
import dev.reel.launcher.studio.StudioException;
import dev.reel.launcher.studio.Upload;
import dev.reel.launcher.studio.Uploader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code reel ingest FILE --title ID}: uploads a studio master for a catalog title through the gateway with the
 * resumable upload protocol, then follows the encoding job until it ends. Progress goes to stderr, results to stdout.
 * Exit code 0 when the job is done (or, with {@code --no-wait}, once the upload is complete), 1 when anything fails.
 */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Uploads a master file for a catalog title to the running Reel (resumable: run the same command again after"
                    + " an interruption and it continues), then follows the encoding job until it is done.",
            "",
            "Logs in as the admin of --data-dir (admin.properties) unless --token or $REEL_TOKEN gives a token."
        })
final class IngestCommand implements Callable<Integer> {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

    @Mixin
    private DataDirOption dataDirectory = new DataDirOption();

    @Parameters(index = "0", paramLabel = "FILE", description = "The master file (e.g. an MP4 or MKV).")
    private Path file = Path.of("");

    @Option(
            names = "--title",
            required = true,
            paramLabel = "ID",
            description = "The catalog title (UUID) the master belongs to.")
    private UUID title = new UUID(0, 0);

    @Option(
            names = "--ladder",
            paramLabel = "per-title|fixed",
            defaultValue = "per-title",
            converter = LadderConverter.class,
            description = "Encoding ladder: per-title (from this title's rate-quality curves) or fixed (default:"
                    + " ${DEFAULT-VALUE}).")
    private Ladder ladder = Ladder.PER_TITLE;

    @Option(
            names = "--profile",
            paramLabel = "standard|fast",
            defaultValue = "standard",
            converter = ProfileConverter.class,
            description = "standard for real content, fast for short test clips (default: ${DEFAULT-VALUE}).")
    private Profile profile = Profile.STANDARD;

    @Option(
            names = "--chunk-size",
            paramLabel = "SIZE",
            defaultValue = "8MiB",
            converter = SizeConverter.class,
            description = "Bytes per upload request, e.g. 512KiB, 8MiB, 64MiB at most (default: ${DEFAULT-VALUE}).")
    private long chunkSize = Uploader.DEFAULT_CHUNK_SIZE;

    @Option(names = "--no-wait", description = "Exit once the upload is complete; the job goes on in Reel.")
    private boolean noWait;

    @Mixin
    private AdminApiOptions api = new AdminApiOptions();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Layout layout = dataDirectory.layout();
        Path master = file.toAbsolutePath().normalize();
        if (!Files.exists(master)) {
            throw new LauncherException("No such file: " + master, 1);
        }
        if (!Files.isRegularFile(master)) {
            throw new LauncherException("Not a regular file: " + master, 1);
        }
        boolean withToken = api.hasToken();
        try (GatewayClient client = api.client(layout)) {
            var studio = new StudioClient(client);
            var progress = new ConsoleProgress(err, ConsoleProgress.isTerminal(), System::nanoTime);
            var uploader = new Uploader(studio, new ResumeStore(ingestDirectory(layout)), chunkSize, Backoff.DEFAULT);
            err.printf(
                    "Ingesting %s (%s) for title %s: %s ladder, %s profile, through %s%n",
                    master.getFileName(),
                    ProgressBar.bytes(Files.size(master)),
                    title,
                    lower(ladder),
                    lower(profile),
                    client.gateway());
            err.flush();
            Upload upload = uploader.upload(master, title, ladder, profile, progress);
            UUID jobId = upload.jobId();
            if (jobId == null) {
                out.printf("Upload %s complete (%s); Reel reported no job.%n", upload.id(), upload.state());
                out.flush();
                return 0;
            }
            out.printf("Upload %s complete: encoding job %s%n", upload.id(), jobId);
            out.flush();
            if (noWait) {
                out.printf("Follow it with: curl %s%s/%s%n", client.gateway(), StudioClient.JOBS, jobId);
                out.flush();
                return 0;
            }
            Job job = new JobFollower(studio, Backoff.DEFAULT, POLL_INTERVAL).follow(jobId, progress);
            if (job.isDone()) {
                out.printf("Job %s done: title %s is encoded and published to the origin.%n", jobId, title);
                out.flush();
                return 0;
            }
            String reason = job.failureReason();
            err.printf("Job %s failed: %s%n", jobId, reason != null ? reason : "no reason given");
            err.flush();
            return 1;
        } catch (StudioException e) {
            throw new LauncherException(e.getMessage() + hint(e, withToken), 1);
        }
    }

    private static String hint(StudioException e, boolean withToken) {
        if (e instanceof ApiProblemException problem && problem.status() == 401 && withToken) {
            return " (is the token valid and not expired?)";
        }
        if (e.isTransient() && !(e instanceof ConnectionException c && c.isRefused())) {
            return " Run the same command again to resume.";
        }
        return "";
    }

    /** {@code <data>/run/ingest}: the unfinished uploads that a re-run resumes. */
    static Path ingestDirectory(Layout layout) {
        return layout.runDirectory().resolve("ingest");
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses an enum from its command-line form: case-insensitive, {@code -} for {@code _}. */
    static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants())
                    .map(IngestCommand::lower)
                    .collect(Collectors.joining(", "));
            throw new TypeConversionException("'" + text + "' is not one of " + allowed);
        }
    }

    /** Parses {@code --ladder}. */
    static final class LadderConverter implements ITypeConverter<Ladder> {
        @Override
        public Ladder convert(String value) {
            return parseEnum(Ladder.class, value);
        }
    }

    /** Parses {@code --profile}. */
    static final class ProfileConverter implements ITypeConverter<Profile> {
        @Override
        public Profile convert(String value) {
            return parseEnum(Profile.class, value);
        }
    }

    /**
     * Parses a byte size: a number with an optional unit, {@code B}, {@code KiB}/{@code K}, {@code MiB}/{@code M}
     * (binary) or {@code kB}/{@code MB} (decimal), case-insensitive; between 1 KiB and 64 MiB.
     */
    static final class SizeConverter implements ITypeConverter<Long> {

        private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");

        @Override
        public Long convert(String value) {
            Matcher matcher = SIZE.matcher(value.strip());
            if (!matcher.matches()) {
                throw new TypeConversionException("'" + value + "' is not a size such as 8MiB");
            }
            long multiplier =
                    switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
                        case "", "b" -> 1;
                        case "k", "kib" -> 1L << 10;
                        case "kb" -> 1000;
                        case "m", "mib" -> 1L << 20;
                        case "mb" -> 1_000_000;
                        default ->
                            throw new TypeConversionException(
                                    "unknown unit '" + matcher.group(2) + "' in '" + value + "' (use KiB or MiB)");
                    };
            long bytes;
            try {
                bytes = Math.multiplyExact(Long.parseLong(matcher.group(1)), multiplier);
            } catch (ArithmeticException | NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is too large");
            }
            if (bytes < 1024 || bytes > Uploader.MAX_CHUNK_SIZE) {
                throw new TypeConversionException("the chunk size must be between 1KiB and 64MiB, not " + value);
            }
            return bytes;
        }
    }
}
