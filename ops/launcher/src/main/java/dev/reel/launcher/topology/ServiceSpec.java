package dev.reel.launcher.topology;

import java.nio.file.Path;
import java.util.Map;

/**
 * How the launcher runs one service.
 *
 * @param name service id, also the prefix of its instance names and log files
 * @param jar the executable jar, relative to the repository root
 * @param basePort port of instance 0; instance {@code i} listens on {@code basePort + i}
 * @param maxInstances the most instances {@code --instances} may ask for; {@code 1} for services on a fixed port
 * @param stage when the service starts
 * @param homeRelativeProperties extra system properties whose values are paths relative to the repository root (a
 *     trailing {@code /} is kept)
 * @param receivesBootstrapAdmin whether the JVM gets the bootstrap admin credentials as environment variables
 * @param properties extra system properties passed as they are (one jar can run as several services this way)
 */
public record ServiceSpec(
        String name,
        Path jar,
        int basePort,
        int maxInstances,
        Stage stage,
        Map<String, String> homeRelativeProperties,
        boolean receivesBootstrapAdmin,
        Map<String, String> properties) {

    public ServiceSpec {
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("bad service name: " + name);
        }
        if (basePort < 1 || basePort + maxInstances - 1 > 65_535 || maxInstances < 1) {
            throw new IllegalArgumentException("bad port range for " + name);
        }
        homeRelativeProperties = Map.copyOf(homeRelativeProperties);
        properties = Map.copyOf(properties);
    }

    /** Returns the port of instance {@code index}. */
    public int port(int index) {
        return basePort + index;
    }

    /** Returns the absolute jar path for a repository root. */
    public Path jarIn(Path home) {
        return home.resolve(jar);
    }
}
