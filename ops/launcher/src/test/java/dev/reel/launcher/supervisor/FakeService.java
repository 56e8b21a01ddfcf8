package dev.reel.launcher.supervisor;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in child JVM for supervisor tests: serves {@code /actuator/health} as UP on {@code -Dserver.port}, and
 * exits when the launcher ({@code -Dreel.launcher.pid}) dies, like the real services. {@code -Dfake.exit-code=N}
 * makes it exit at once with code N instead; {@code -Dfake.ignore-launcher=true} makes it outlive the launcher.
 */
public final class FakeService {

    private FakeService() {}

    public static void main(String[] args) throws IOException {
        String exitCode = System.getProperty("fake.exit-code");
        if (exitCode != null) {
            System.out.println("{\"message\":\"fake service failing on purpose\"}");
            System.exit(Integer.parseInt(exitCode));
        }
        int port = Integer.getInteger("server.port", 0);
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/actuator/health", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("{\"message\":\"fake service up\",\"port\":" + port + ",\"zone\":\""
                + System.getProperty("reel.zone") + "\"}");
        Long launcher = Long.getLong("reel.launcher.pid");
        if (launcher != null && !Boolean.getBoolean("fake.ignore-launcher")) {
            ProcessHandle.of(launcher)
                    .ifPresentOrElse(handle -> handle.onExit().thenRun(() -> System.exit(0)), () -> System.exit(0));
        }
    }
}
