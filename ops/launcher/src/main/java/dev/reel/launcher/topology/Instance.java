package dev.reel.launcher.topology;

/**
 * One JVM of a service.
 *
 * @param service what it runs
 * @param index 0-based instance index within the service
 * @param zone {@link Zone#forIndex(int)} of the index
 * @param port {@link ServiceSpec#port(int)} of the index
 */
public record Instance(ServiceSpec service, int index, Zone zone, int port) {

    public Instance {
        if (index < 0 || index >= service.maxInstances()) {
            throw new IllegalArgumentException(service.name() + " has no instance " + index);
        }
    }

    /** Creates instance {@code index} of {@code service} with its zone and port. */
    public static Instance of(ServiceSpec service, int index) {
        return new Instance(service, index, Zone.forIndex(index), service.port(index));
    }

    /** The instance name, {@code <service>-<index>}, e.g. {@code catalog-1}; also its log file's base name. */
    public String name() {
        return service.name() + "-" + index;
    }
}
