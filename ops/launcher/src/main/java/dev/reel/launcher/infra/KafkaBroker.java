package dev.reel.launcher.infra;

import dev.reel.events.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.jspecify.annotations.Nullable;

/**
 * A single-node Apache Kafka running in this JVM in KRaft combined mode (broker and controller, node id 1), with its
 * log directory persisting across restarts. The directory is formatted on first start with a cluster id that is kept
 * next to it.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final int TOPIC_PARTITIONS = 3;
    private static final Map<String, String> COMPACT =
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts the broker and returns once it answers metadata requests.
     *
     * @param logDirectory Kafka's log (and metadata log) directory; formatted if it holds no {@code meta.properties}
     * @param clusterIdFile where the cluster id is kept; created with a random id if missing
     * @param port PLAINTEXT listener port on localhost
     * @param controllerPort KRaft controller listener port on localhost
     * @throws IOException if the directory cannot be prepared or the broker fails to start or become ready
     */
    public static KafkaBroker start(Path logDirectory, Path clusterIdFile, int port, int controllerPort)
            throws IOException {
        Files.createDirectories(logDirectory);
        KafkaConfig config = new KafkaConfig(properties(logDirectory, port, controllerPort), false);
        if (!Files.exists(logDirectory.resolve("meta.properties"))) {
            format(config, clusterId(clusterIdFile), logDirectory);
        }
        var server = new KafkaRaftServer(config, Time.SYSTEM);
        String bootstrapServers = "localhost:" + port;
        try {
            server.startup();
            awaitReady(bootstrapServers);
            createTopics(bootstrapServers);
        } catch (RuntimeException | IOException e) {
            server.shutdown();
            server.awaitShutdown();
            throw e instanceof IOException io ? io : new IOException("Kafka did not start: " + e.getMessage(), e);
        }
        return new KafkaBroker(server, bootstrapServers);
    }

    /** The broker's server properties: a single node on localhost, sized for a laptop. */
    static Properties properties(Path logDirectory, int port, int controllerPort) {
        var properties = new Properties();
        properties.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort),
                Map.entry(
                        "listeners",
                        "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + port),
                Map.entry("controller.listener.names", CONTROLLER_LISTENER),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry(
                        "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"),
                Map.entry("log.dirs", logDirectory.toAbsolutePath().toString()),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("num.partitions", "3"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "10"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "10"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // few threads and a small compaction buffer: one node, many JVMs on two cores
                Map.entry("num.network.threads", "2"),
                Map.entry("num.io.threads", "2"),
                Map.entry("background.threads", "2"),
                Map.entry("log.cleaner.threads", "1"),
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024))));
        return properties;
    }

    private static String clusterId(Path file) throws IOException {
        if (Files.exists(file)) {
            String id = Files.readString(file).strip();
            if (!id.isEmpty()) {
                return id;
            }
        }
        String id = Uuid.randomUuid().toString();
        Files.createDirectories(file.getParent());
        Files.writeString(file, id + System.lineSeparator());
        return id;
    }

    private static void format(KafkaConfig config, String clusterId, Path logDirectory) throws IOException {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                    .setNodeId(config.nodeId())
                    .setClusterId(clusterId)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(logDirectory.toAbsolutePath().toString())
                    .run();
        } catch (Exception e) {
            throw new IOException("cannot format Kafka storage in " + logDirectory + ": " + e.getMessage(), e);
        }
    }

    private static void awaitReady(String bootstrapServers) throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            @Nullable Exception lastFailure = null;
            while (true) {
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(5, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    lastFailure = e;
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException(
                            "Kafka did not become ready within " + READY_TIMEOUT.toSeconds() + " s", lastFailure);
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for Kafka", e);
        }
    }

    /**
     * Creates Reel's topics ({@link Topics#ALL}) before any service starts, so that a consumer subscribing first cannot
     * have the broker auto-create a topic with the wrong settings: the catalog topic must be compacted, or a service
     * that rebuilds its view from it (search) would lose titles after the retention time. Existing topics are kept;
     * compaction is (re)applied to the compacted ones.
     */
    private static void createTopics(String bootstrapServers) throws IOException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            var missing = Topics.ALL.stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, Optional.of(TOPIC_PARTITIONS), Optional.empty())
                            .configs(Topics.COMPACTED.contains(name) ? COMPACT : Map.of()))
                    .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            Map<ConfigResource, Collection<AlterConfigOp>> compaction = new HashMap<>();
            for (String name : Topics.COMPACTED) {
                compaction.put(
                        new ConfigResource(ConfigResource.Type.TOPIC, name),
                        List.of(new AlterConfigOp(
                                new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
                                AlterConfigOp.OpType.SET)));
            }
            admin.incrementalAlterConfigs(compaction).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot create Reel's Kafka topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating Kafka topics", e);
        }
    }

    /** {@code host:port} of the PLAINTEXT listener. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Shuts the broker down and waits for it; the log directory is kept. */
    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
