package dev.reel.launcher.topology;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services a local Reel runs, with their ports and stages (see docs/architecture.md), and the
 * infrastructure ports. Adding a service means adding a row here and, if it owns a relational database, its name to
 * {@link #DATABASES}.
 */
public final class ServiceTable {

    /** Embedded PostgreSQL port (loopback only, user {@code postgres}, no password). */
    public static final int POSTGRES_PORT = 15_432;

    /** Kafka broker port (PLAINTEXT listener). */
    public static final int KAFKA_PORT = 19_092;

    /** Kafka KRaft controller port. */
    public static final int KAFKA_CONTROLLER_PORT = 19_093;

    /**
     * The databases created in the embedded PostgreSQL: one per service that owns relational data, and {@code keys},
     * the content key store (libs/keystore) that the encoder writes and playback's licence endpoint reads.
     */
    public static final List<String> DATABASES =
            List.of("identity", "catalog", "encoder", "keys", "playback", "steering", "viewing", "personalization");

    /** Port of the origin server: {@code edge.jar} serving the origin store directly, last in every steering list. */
    public static final int ORIGIN_PORT = 9000;

    /**
     * The networks of the two local "ISPs". A browser or curl on this machine comes from 127.0.0.1, so isp-a is the
     * local viewer's ISP; a client that binds 127.0.1.x (tests, {@code curl --interface}) is in isp-b's.
     */
    public static final String ISP_A_CIDRS = "127.0.0.0/24,::1/128";

    /** See {@link #ISP_A_CIDRS}. */
    public static final String ISP_B_CIDRS = "127.0.1.0/24";

    /** Upper bound of instances for a horizontally scaled service (its port block is this wide). */
    public static final int MAX_SCALED_INSTANCES = 20;

    /** All services, in a stable order used for start-up within a stage, status and logs. */
    public static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec(
                    "registry",
                    Path.of("platform/registry/target/registry.jar"),
                    8761,
                    1,
                    Stage.PLATFORM,
                    Map.of(),
                    false,
                    Map.of()),
            new ServiceSpec(
                    "config",
                    Path.of("platform/config/target/config.jar"),
                    8888,
                    1,
                    Stage.PLATFORM,
                    Map.of("reel.config.repo", "config"),
                    false,
                    Map.of()),
            new ServiceSpec(
                    "identity",
                    Path.of("services/identity/target/identity.jar"),
                    8100,
                    MAX_SCALED_INSTANCES,
                    Stage.SERVICES,
                    Map.of(),
                    true,
                    Map.of()),
            new ServiceSpec(
                    "catalog",
                    Path.of("services/catalog/target/catalog.jar"),
                    8200,
                    MAX_SCALED_INSTANCES,
                    Stage.SERVICES,
                    Map.of(),
                    false,
                    Map.of()),
            new ServiceSpec(
                    "encoder",
                    Path.of("media/encoder/target/encoder.jar"),
                    8300,
                    MAX_SCALED_INSTANCES,
                    Stage.SERVICES,
                    Map.of(),
                    false,
                    Map.of()),
            new ServiceSpec(
                    "gateway",
                    Path.of("platform/gateway/target/gateway.jar"),
                    8080,
                    1,
                    Stage.SERVICES,
                    Map.of("reel.gateway.web-root", "web/"),
                    false,
                    Map.of()),
            new ServiceSpec(
                    "playback",
                    Path.of("services/playback/target/playback.jar"),
                    8400,
                    MAX_SCALED_INSTANCES,
                    Stage.SERVICES,
                    Map.of(),
                    false,
                    Map.of()),
            new ServiceSpec(
                    "steering",
                    Path.of("media/steering/target/steering.jar"),
                    8500,
                    1,
                    Stage.SERVICES,
                    Map.of(),
                    false,
                    Map.of()),
            new ServiceSpec(
                    "viewing",
                    Path.of("services/viewing/target/viewing.jar"),
                    8600,
                    MAX_SCALED_INSTANCES,
                    Stage.SERVICES,
                    Map.of(),
                    false,
                    Map.of()),
            new ServiceSpec(
                    "search",
                    Path.of("services/search/target/search.jar"),
                    8700,
                    MAX_SCALED_INSTANCES,
                    Stage.SERVICES,
                    Map.of(),
                    false,
                    Map.of()),
            new ServiceSpec(
                    "personalization",
                    Path.of("services/personalization/target/personalization.jar"),
                    8800,
                    MAX_SCALED_INSTANCES,
                    Stage.SERVICES,
                    Map.of(),
                    false,
                    Map.of()),
            edge("origin", ORIGIN_PORT, Map.of("reel.edge.mode", "origin")),
            edge(
                    "isp-a",
                    9100,
                    Map.of(
                            "reel.edge.id", "isp-a",
                            "reel.edge.cidrs", ISP_A_CIDRS,
                            "reel.edge.tier", "FLASH")),
            edge(
                    "isp-b",
                    9101,
                    Map.of(
                            "reel.edge.id", "isp-b",
                            "reel.edge.cidrs", ISP_B_CIDRS,
                            "reel.edge.tier", "STORAGE")));

    private ServiceTable() {}

    /** An Open Connect process: {@code edge.jar} on a fixed port, as an appliance or as the origin server. */
    private static ServiceSpec edge(String name, int port, Map<String, String> properties) {
        return new ServiceSpec(
                name, Path.of("media/edge/target/edge.jar"), port, 1, Stage.SERVICES, Map.of(), false, properties);
    }

    /** Returns the service called {@code name}, if there is one. */
    public static Optional<ServiceSpec> find(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Returns the service names in table order. */
    public static List<String> names() {
        return SERVICES.stream().map(ServiceSpec::name).toList();
    }
}
