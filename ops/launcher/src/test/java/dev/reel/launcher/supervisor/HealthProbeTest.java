package dev.reel.launcher.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.reel.launcher.topology.Ports;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HealthProbeTest {

    @Test
    void readsTheTopLevelStatus() {
        assertThat(HealthProbe.isUp("{\"status\":\"UP\",\"components\":{}}")).isTrue();
        assertThat(HealthProbe.isUp("{\"status\":\"DOWN\",\"components\":{\"db\":{\"status\":\"UP\"}}}"))
                .isFalse();
        assertThat(HealthProbe.isUp("not json")).isFalse();
    }

    @Test
    void probesAnHttpServer() throws Exception {
        var body = new AtomicReference<>("{\"status\":\"DOWN\"}");
        var status = new AtomicReference<>(503);
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/actuator/health", exchange -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        int port = server.getAddress().getPort();
        try (var probe = new HealthProbe()) {
            assertThat(probe.check(port, Duration.ofSeconds(1))).isEqualTo(Health.DOWN);

            body.set("{\"status\":\"UP\"}");
            status.set(200);
            assertThat(probe.check(port, Duration.ofSeconds(1))).isEqualTo(Health.UP);
            assertThat(probe.awaitUp(port, Duration.ofSeconds(1), () -> true)).isTrue();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void nothingListeningIsUnreachable() {
        try (var probe = new HealthProbe()) {
            int port = Ports.anyFree();

            assertThat(probe.check(port, Duration.ofSeconds(1))).isEqualTo(Health.UNREACHABLE);
            assertThat(probe.awaitUp(port, Duration.ofMillis(600), () -> true)).isFalse();
        }
    }
}
