package dev.reel.edge;

import dev.reel.edge.cache.EvictionPolicy;
import dev.reel.edge.steering.ReporterSettings;
import dev.reel.edge.steering.SteeringReporter;
import dev.reel.edgetoken.EdgeTokenKeys;
import dev.reel.origin.OriginSettings;
import dev.reel.origin.OriginStore;
import dev.reel.origin.OriginStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The edge process ({@code java -Dserver.port=9100 -Dreel.edge.id=isp-a -jar edge.jar}): an
 * appliance that serves from its disk cache, fills misses from origin and reports to steering, or
 * ({@code -Dreel.edge.mode=origin}) the origin server that serves the origin store directly.
 * Settings are system properties, listed in {@link EdgeConfig}.
 *
 * <p>Exit status 2 with one line on standard error naming the property for a bad setting
 * (including an unreadable token keys file or cache root), 1 if the port cannot be bound. The
 * process stops cleanly on SIGTERM, and by itself when the launcher ({@code reel.launcher.pid})
 * ends. Events are logged as JSON lines on standard output ({@link EdgeLog}).
 */
public final class EdgeMain {

    private static final int BAD_SETTING = 2;
    private static final int CANNOT_START = 1;

    private EdgeMain() {}

    /** Starts the edge and returns once it has stopped. */
    public static void main(String[] args) {
        EdgeLog log = EdgeLog.stdout("dev.reel.edge.EdgeMain");
        EdgeConfig config;
        SequencedMap<String, byte[]> keys;
        try {
            config = EdgeConfig.from(System.getProperties());
            keys = readKeys(config);
            if (config.mode() == EdgeSettings.Mode.APPLIANCE) {
                createCacheRoot(config);
            }
        } catch (EdgeConfig.BadSetting e) {
            System.err.println("edge: " + e.getMessage());
            System.exit(BAD_SETTING);
            return;
        }
        OriginStore origin;
        try {
            origin = OriginStores.create(config.origin());
        } catch (RuntimeException e) {
            System.err.println("edge: reel.edge.origin.*: " + e.getMessage());
            System.exit(BAD_SETTING);
            return;
        }
        EdgeSettings settings = EdgeSettings.of(config.port(), config.cacheRoot(), keys)
                .withCache(config.capacityBytes(), EvictionPolicy.lru())
                .withThreads(config.fillThreads(), config.ioThreads());
        settings = config.mode() == EdgeSettings.Mode.ORIGIN
                ? settings.withOriginPassthrough(origin)
                : settings.withOrigin(origin);
        EdgeServer server;
        try {
            server = EdgeServer.start(settings);
        } catch (RuntimeException e) {
            origin.close();
            System.err.println("edge: could not start on port " + config.port() + ": " + rootMessage(e));
            System.exit(CANNOT_START);
            return;
        }
        SteeringReporter reporter = null;
        if (config.mode() == EdgeSettings.Mode.APPLIANCE) {
            Map.Entry<String, byte[]> signing = EdgeTokenKeys.signing(keys);
            reporter = SteeringReporter.start(
                    new ReporterSettings(
                            config.steeringUrl(),
                            config.id(),
                            config.publicUrl(),
                            config.cidrs(),
                            config.region(),
                            config.tier(),
                            config.reportInterval(),
                            signing.getKey(),
                            signing.getValue(),
                            Clock.systemUTC()),
                    server,
                    origin,
                    EdgeLog.stdout("dev.reel.edge.steering.SteeringReporter"));
        }
        log.info(startLine(config, server));

        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        SteeringReporter startedReporter = reporter;
        Runnable stop = () -> {
            if (!stopping.compareAndSet(false, true)) {
                return;
            }
            log.info("Edge " + config.id() + " stopping");
            if (startedReporter != null) {
                startedReporter.close();
            }
            server.close();
            origin.close();
            log.info("Edge " + config.id() + " stopped");
            stopped.countDown();
        };
        Runtime.getRuntime()
                .addShutdownHook(Thread.ofPlatform().name("edge-shutdown").unstarted(stop));
        watchLauncher(config.launcherPid(), log);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String startLine(EdgeConfig config, EdgeServer server) {
        StringBuilder line = new StringBuilder("Edge ")
                .append(config.id())
                .append(" started: mode ")
                .append(config.mode().name().toLowerCase(Locale.ROOT))
                .append(", port ")
                .append(server.port())
                .append(", transport ")
                .append(server.transport())
                .append(" with ")
                .append(server.ioThreads())
                .append(" I/O threads, origin ")
                .append(
                        config.origin().type() == OriginSettings.Type.FS
                                ? config.origin().root()
                                : "s3://" + config.origin().bucket() + "/"
                                        + config.origin().prefix());
        if (config.mode() == EdgeSettings.Mode.APPLIANCE) {
            line.append(", cache root ")
                    .append(config.cacheRoot())
                    .append(", capacity ")
                    .append(config.capacityBytes())
                    .append(" bytes (")
                    .append(server.stats().usedBytes())
                    .append(" used), tier ")
                    .append(config.tier())
                    .append(", cidrs ")
                    .append(config.cidrs())
                    .append(", public URL ")
                    .append(config.publicUrl())
                    .append(", reporting to ")
                    .append(config.steeringUrl())
                    .append(" every ")
                    .append(config.reportInterval());
        }
        return line.toString();
    }

    private static SequencedMap<String, byte[]> readKeys(EdgeConfig config) throws EdgeConfig.BadSetting {
        try {
            return EdgeTokenKeys.read(config.tokenKeys());
        } catch (NoSuchFileException e) {
            throw new EdgeConfig.BadSetting("reel.edge.token-keys", "no such file: " + config.tokenKeys());
        } catch (IOException e) {
            throw new EdgeConfig.BadSetting(
                    "reel.edge.token-keys", "cannot read " + config.tokenKeys() + ": " + rootMessage(e));
        }
    }

    private static void createCacheRoot(EdgeConfig config) throws EdgeConfig.BadSetting {
        try {
            Files.createDirectories(config.cacheRoot());
        } catch (IOException e) {
            throw new EdgeConfig.BadSetting(
                    "reel.edge.cache-root", "cannot create " + config.cacheRoot() + ": " + rootMessage(e));
        }
    }

    /** Exits (through the shutdown hook) when the launcher that started this process is gone. */
    private static void watchLauncher(@Nullable Long pid, EdgeLog log) {
        if (pid == null) {
            return;
        }
        Optional<ProcessHandle> launcher = ProcessHandle.of(pid);
        if (launcher.isEmpty()) {
            log.warn("Launcher pid " + pid + " is not running; exiting");
            exitSoon();
            return;
        }
        launcher.get().onExit().thenRun(() -> {
            log.warn("Launcher pid " + pid + " exited; shutting down");
            exitSoon();
        });
    }

    private static void exitSoon() {
        Thread.ofPlatform().name("launcher-guard").start(() -> System.exit(0));
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? cause.toString() : message;
    }
}
