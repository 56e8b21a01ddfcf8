package dev.reel.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the real config server on a temporary config directory and reads it the way a Spring
 * Cloud Config client does ({@code GET /{application}/{profile}}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"native", "test"})
class ConfigServerIT {

    private static final Path CONFIG_REPO = createConfigRepo();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void configRepo(DynamicPropertyRegistry registry) {
        registry.add("reel.config.repo", CONFIG_REPO::toString);
    }

    @Test
    void servesServiceAndSharedFilesWithPlaceholdersLeftForTheClient() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/catalog/default"))
                                .header("Accept", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode environment = JsonMapper.builder().build().readTree(response.body());
        assertThat(environment.path("name").asString()).isEqualTo("catalog");

        JsonNode sources = environment.path("propertySources");
        assertThat(sources.size()).isEqualTo(2);
        // Most specific first: the service's own file wins over the shared one.
        assertThat(sources.get(0).path("name").asString()).endsWith("catalog.yml");
        assertThat(sources.get(1).path("name").asString()).endsWith("application.yml");

        JsonNode catalog = sources.get(0).path("source");
        assertThat(catalog.path("reel.catalog.page-size").asInt()).isEqualTo(20);
        JsonNode shared = sources.get(1).path("source");
        assertThat(shared.path("spring.kafka.bootstrap-servers").asString())
                .isEqualTo("${reel.infra.kafka:localhost:19092}");
        assertThat(shared.path("eureka.client.service-url.defaultZone").asString())
                .isEqualTo("${reel.registry.url:http://localhost:8761/eureka/}");
    }

    private static Path createConfigRepo() {
        try {
            Path repo = Files.createTempDirectory("reel-config-it");
            repo.toFile().deleteOnExit();
            Files.writeString(repo.resolve("application.yml"), """
                    spring:
                      kafka:
                        bootstrap-servers: ${reel.infra.kafka:localhost:19092}
                    eureka:
                      client:
                        service-url:
                          defaultZone: ${reel.registry.url:http://localhost:8761/eureka/}
                    """);
            Files.writeString(repo.resolve("catalog.yml"), """
                    reel:
                      catalog:
                        page-size: 20
                    """);
            repo.resolve("application.yml").toFile().deleteOnExit();
            repo.resolve("catalog.yml").toFile().deleteOnExit();
            return repo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
