package dev.reel.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Proves the registry's timings against the real Eureka server, through the same REST API the
 * clients use: a registration is listed at once, heartbeats keep it listed, and once heartbeats
 * stop it is evicted within five seconds of the last one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistryIT {

    /** What Reel's clients send: renew every second, lease expires after two. */
    private static final int RENEWAL_INTERVAL_SECONDS = 1;

    private static final int LEASE_DURATION_SECONDS = 2;

    private static final String APP = "REEL-PROBE";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @LocalServerPort
    private int port;

    @Test
    void newInstanceIsVisibleAtOnceAndDeadInstanceIsEvictedWithinFiveSeconds() throws Exception {
        String instanceId = "reel-probe:zone-a:" + UUID.randomUUID();

        assertThat(register(instanceId)).isEqualTo(204);
        long registeredAt = System.nanoTime();
        awaitListed(instanceId, true, Duration.ofSeconds(1));
        long visibleAfterMs = millisSince(registeredAt);
        System.out.printf("registry: instance visible %d ms after registration%n", visibleAfterMs);
        assertThat(visibleAfterMs).isLessThanOrEqualTo(1000);

        long lastHeartbeat = 0;
        for (int i = 0; i < 4; i++) {
            Thread.sleep(RENEWAL_INTERVAL_SECONDS * 1000L);
            assertThat(heartbeat(instanceId)).isEqualTo(200);
            lastHeartbeat = System.nanoTime();
            assertThat(isListed(instanceId)).as("listed while renewing").isTrue();
        }

        awaitListed(instanceId, false, Duration.ofSeconds(8));
        long evictedAfterMs = millisSince(lastHeartbeat);
        System.out.printf(
                "registry: instance evicted %d ms after its last heartbeat (lease %d s)%n",
                evictedAfterMs, LEASE_DURATION_SECONDS);
        // Lease.isExpired counts the duration twice after a renewal: 2 x 2 s, plus up to one
        // 500 ms eviction period.
        assertThat(evictedAfterMs)
                .isGreaterThanOrEqualTo(2L * LEASE_DURATION_SECONDS * 1000 - 100)
                .isLessThanOrEqualTo(5000);
    }

    private int register(String instanceId) throws IOException, InterruptedException {
        String body = """
                {"instance": {
                  "instanceId": "%s",
                  "hostName": "localhost",
                  "app": "%s",
                  "ipAddr": "127.0.0.1",
                  "vipAddress": "reel-probe",
                  "status": "UP",
                  "port": {"$": 9, "@enabled": "true"},
                  "securePort": {"$": 443, "@enabled": "false"},
                  "dataCenterInfo": {
                    "@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo",
                    "name": "MyOwn"
                  },
                  "leaseInfo": {"renewalIntervalInSecs": %d, "durationInSecs": %d},
                  "metadata": {"zone": "zone-a"}
                }}
                """.formatted(instanceId, APP, RENEWAL_INTERVAL_SECONDS, LEASE_DURATION_SECONDS);
        HttpRequest request = HttpRequest.newBuilder(uri("/eureka/apps/" + APP))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int heartbeat(String instanceId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri("/eureka/apps/" + APP + "/" + instanceId + "?status=UP"))
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private boolean isListed(String instanceId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri("/eureka/apps/" + APP))
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().contains("\"" + instanceId + "\"");
    }

    private void awaitListed(String instanceId, boolean listed, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isListed(instanceId) != listed) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "instance " + instanceId + (listed ? " not listed" : " still listed") + " after " + timeout);
            }
            Thread.sleep(25);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static long millisSince(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime).toMillis();
    }
}
