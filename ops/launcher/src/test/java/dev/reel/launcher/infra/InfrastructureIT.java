package dev.reel.launcher.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.events.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real PostgreSQL and Kafka twice on the same directories and checks that the data survives. */
class InfrastructureIT {

    private static final String TOPIC = "reel.launcher-it.v1";

    @TempDir
    Path directory;

    @Test
    void startsCreatesDatabasesAndKeepsDataAcrossRestart() throws Exception {
        int[] ports = freePorts(3);
        var settings = new Infrastructure.Settings(
                directory.resolve("postgres"),
                ports[0],
                List.of("identity", "catalog"),
                directory.resolve("kafka"),
                directory.resolve("kafka-cluster-id"),
                ports[1],
                ports[2],
                directory.resolve("logs/postgres.log"));
        List<String> progress = new CopyOnWriteArrayList<>();

        try (var infrastructure = new Infrastructure(settings)) {
            infrastructure.start(progress::add);

            assertThat(infrastructure.postgres().databaseExists("identity")).isTrue();
            assertThat(infrastructure.postgres().databaseExists("catalog")).isTrue();
            assertThat(infrastructure.postgresPid()).isPositive();
            try (Connection connection = connect(infrastructure, "catalog");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE genre (name TEXT PRIMARY KEY)");
                statement.execute("INSERT INTO genre VALUES ('Drama')");
            }
            produce(infrastructure.kafka().bootstrapServers(), "title-1", "published");
            assertThat(consumeAll(infrastructure.kafka().bootstrapServers()))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("published");
        }
        assertThat(progress).anyMatch(line -> line.startsWith("postgres ready"));
        assertThat(progress).anyMatch(line -> line.startsWith("kafka ready"));

        try (var infrastructure = new Infrastructure(settings)) {
            infrastructure.start(line -> {});

            assertThat(infrastructure.postgres().databaseExists("identity")).isTrue();
            try (Connection connection = connect(infrastructure, "catalog");
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT name FROM genre")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("Drama");
            }
            String bootstrap = infrastructure.kafka().bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                assertThat(admin.listTopics().names().get()).contains(TOPIC).containsAll(Topics.ALL);
                var catalogTopic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CATALOG_TITLES);
                var playbackTopic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.PLAYBACK_SESSIONS);
                var configs = admin.describeConfigs(List.of(catalogTopic, playbackTopic))
                        .all()
                        .get();
                assertThat(configs.get(catalogTopic).get("cleanup.policy").value())
                        .isEqualTo("compact");
                assertThat(configs.get(playbackTopic).get("cleanup.policy").value())
                        .isEqualTo("delete");
            }
            assertThat(consumeAll(bootstrap)).extracting(ConsumerRecord::key).containsExactly("title-1");
        }
    }

    private static Connection connect(Infrastructure infrastructure, String database) throws Exception {
        return DriverManager.getConnection(infrastructure.postgres().jdbcUrl(database));
    }

    private static void produce(String bootstrap, String key, String value) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    /** Reads the topic from the beginning with a fresh consumer group until one record arrives or 20 s pass. */
    private static List<ConsumerRecord<String, String>> consumeAll(String bootstrap) {
        var records = new ArrayList<ConsumerRecord<String, String>>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "it-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static int[] freePorts(int count) throws IOException {
        var sockets = new ArrayList<ServerSocket>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
