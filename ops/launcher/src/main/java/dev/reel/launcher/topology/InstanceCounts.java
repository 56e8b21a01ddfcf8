package dev.reel.launcher.topology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many instances of each service to run. Services not mentioned run one instance.
 *
 * @param counts explicit counts by service name
 */
public record InstanceCounts(Map<String, Integer> counts) {

    /** One instance of every service. */
    public static final InstanceCounts DEFAULT = new InstanceCounts(Map.of());

    public InstanceCounts {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /**
     * Parses the {@code --instances} syntax: comma-separated {@code service=count} pairs, e.g.
     * {@code catalog=2,identity=1}. A count of 0 leaves the service out.
     *
     * @throws IllegalArgumentException with a message fit for the user if the text is malformed, names an unknown
     *     service or a service twice, or asks for a count outside {@code 0..maxInstances}
     */
    public static InstanceCounts parse(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("expected service=count pairs such as catalog=2,identity=1");
        }
        var counts = new LinkedHashMap<String, Integer>();
        for (String pair : text.split(",", -1)) {
            String trimmed = pair.strip();
            int eq = trimmed.indexOf('=');
            if (eq <= 0 || eq == trimmed.length() - 1) {
                throw new IllegalArgumentException(
                        "'" + trimmed + "' is not service=count (e.g. catalog=2,identity=1)");
            }
            String name = trimmed.substring(0, eq).strip();
            String countText = trimmed.substring(eq + 1).strip();
            ServiceSpec service = ServiceTable.find(name)
                    .orElseThrow(() -> new IllegalArgumentException("unknown service '" + name + "'; known services: "
                            + String.join(", ", ServiceTable.names())));
            int count;
            try {
                count = Integer.parseInt(countText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("count for " + name + " must be a number, not '" + countText + "'");
            }
            if (count < 0 || count > service.maxInstances()) {
                throw new IllegalArgumentException(
                        service.maxInstances() == 1
                                ? name + " runs on the fixed port " + service.basePort()
                                        + ", so its count must be 0 or 1"
                                : "count for " + name + " must be between 0 and " + service.maxInstances() + ", not "
                                        + count);
            }
            if (counts.put(name, count) != null) {
                throw new IllegalArgumentException(name + " is given more than once");
            }
        }
        return new InstanceCounts(counts);
    }

    /** Returns the number of instances of {@code service}: the explicit count, or 1. */
    public int of(ServiceSpec service) {
        return counts.getOrDefault(service.name(), 1);
    }
}
