package dev.reel.launcher.supervisor;

import dev.reel.launcher.topology.Instance;
import dev.reel.launcher.topology.ServiceSpec;
import dev.reel.launcher.topology.ServiceTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How the launcher runs a child JVM: the command line with the system properties every Reel service expects (see
 * docs/architecture.md) and its environment.
 *
 * @param java the {@code java} executable (the launcher's own JDK)
 * @param jvmOptions options placed before the system properties
 * @param home repository root: working directory, {@code reel.home}, and base of the jar paths
 * @param dataDirectory the data directory ({@code reel.data-dir}): services that keep files (the encoder's work
 *     area, the filesystem origin) put them under it
 * @param launcherPid pid that children watch ({@code reel.launcher.pid}) and exit with
 * @param jarOverrides jars to run instead of the table's, by service name
 * @param adminEnvironment environment handed to services that receive the bootstrap admin
 */
public record ChildJvm(
        Path java,
        List<String> jvmOptions,
        Path home,
        Path dataDirectory,
        long launcherPid,
        Map<String, Path> jarOverrides,
        Map<String, String> adminEnvironment) {

    /**
     * Default options for a child: many JVMs share two cores and a few GB, so a small serial-collected heap, C1 only
     * (it reaches steady state sooner and compiles less), small stacks and a capped metaspace.
     */
    public static final String DEFAULT_JVM_OPTIONS_TEXT = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"
            + " -XX:MaxMetaspaceSize=192m -Xmx256m -XX:+ExitOnOutOfMemoryError -Dspring.main.banner-mode=off";

    /** {@link #DEFAULT_JVM_OPTIONS_TEXT} as a list. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(DEFAULT_JVM_OPTIONS_TEXT.split(" "));

    /** Environment variable that replaces {@link #DEFAULT_JVM_OPTIONS} (whitespace-separated). */
    public static final String JVM_OPTS_ENV = "REEL_JVM_OPTS";

    public ChildJvm {
        jvmOptions = List.copyOf(jvmOptions);
        jarOverrides = Map.copyOf(jarOverrides);
        adminEnvironment = Map.copyOf(adminEnvironment);
    }

    /**
     * Chooses the child JVM options: {@code cliOptions} if given, else {@code envOptions} if given, else
     * {@link #DEFAULT_JVM_OPTIONS}. Options are split on whitespace; quoting is not supported.
     */
    public static List<String> jvmOptions(@Nullable String cliOptions, @Nullable String envOptions) {
        String chosen = cliOptions != null ? cliOptions : envOptions;
        if (chosen == null || chosen.isBlank()) {
            return cliOptions != null ? List.of() : DEFAULT_JVM_OPTIONS;
        }
        return Arrays.stream(chosen.strip().split("\\s+")).toList();
    }

    /** Returns the jar that runs {@code service}. */
    public Path jar(ServiceSpec service) {
        Path override = jarOverrides.get(service.name());
        return override != null ? override : service.jarIn(home);
    }

    /** Returns the command line of {@code instance}. */
    public List<String> command(Instance instance) {
        var command = new ArrayList<String>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        systemProperties(instance).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar(instance.service()).toString());
        return command;
    }

    /** Returns the {@code -D} properties of {@code instance}, in command-line order. */
    public Map<String, String> systemProperties(Instance instance) {
        var properties = new LinkedHashMap<String, String>();
        properties.put("server.port", String.valueOf(instance.port()));
        properties.put("reel.zone", instance.zone().id());
        properties.put("reel.launcher.pid", String.valueOf(launcherPid));
        properties.put("reel.registry.url", "http://localhost:" + registryPort() + "/eureka/");
        properties.put("reel.config.url", "http://localhost:" + configPort());
        properties.put("reel.infra.postgres-url", "jdbc:postgresql://localhost:" + ServiceTable.POSTGRES_PORT + "/");
        properties.put("reel.infra.kafka", "localhost:" + ServiceTable.KAFKA_PORT);
        properties.put("reel.home", home.toString());
        properties.put("reel.data-dir", dataDirectory.toString());
        properties.putAll(new TreeMap<>(instance.service().properties()));
        instance.service().homeRelativeProperties().forEach((key, relative) -> {
            String resolved = home.resolve(relative).toString();
            properties.put(key, relative.endsWith("/") ? resolved + "/" : resolved);
        });
        return properties;
    }

    /** Returns the environment variables added for {@code instance} (on top of the launcher's own environment). */
    public Map<String, String> environment(Instance instance) {
        return instance.service().receivesBootstrapAdmin() ? adminEnvironment : Map.of();
    }

    private static int registryPort() {
        return ServiceTable.find("registry").orElseThrow().basePort();
    }

    private static int configPort() {
        return ServiceTable.find("config").orElseThrow().basePort();
    }
}
