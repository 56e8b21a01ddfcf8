import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the load generators in bench/src share: members that sign up and log in from their own loopback addresses
 * (127.0.0.10 + i, so the gateway's per-address login limit sees separate clients), a closed-loop runner that keeps
 * every member busy for a fixed time, and percentiles. Launched with the generators as a multi-file source program.
 */
final class Load {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern TITLE_ID =
            Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"\\s*,\\s*\"type\"\\s*:\\s*\"(MOVIE|SERIES)\"");

    private Load() {}

    record Client(HttpClient http, String token, String profile) {}

    record Result(List<Long> micros, int errors, double seconds) {
        long percentile(double p) {
            long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
        }

        double perSecond() {
            return micros.size() / seconds;
        }
    }

    interface Call {
        /** Returns the measured latency in microseconds, or -1 for a failed call. */
        long run(Client client, String title) throws Exception;
    }

    static void print(String name, Result result) {
        System.out.printf("%-28s %10.1f %10.1f %10.1f %8d%n", name, result.percentile(0.5) / 1000.0,
                result.percentile(0.99) / 1000.0, result.perSecond(), result.errors());
    }

    static Result run(String name, List<Client> members, List<String> titles, Call call, int seconds)
            throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(members.size());
        long start = System.nanoTime();
        for (int i = 0; i < members.size(); i++) {
            Client client = members.get(i);
            String title = titles.get(i % titles.size());
            Thread.ofVirtual().start(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long micros = call.run(client, title);
                        if (micros < 0) {
                            errors.incrementAndGet();
                        } else {
                            latencies.add(micros);
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    System.err.println(name + ": " + e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double took = (System.nanoTime() - start) / 1e9;
        System.out.printf("bench: %s: %d calls in %.1f s%n", name, latencies.size(), took);
        return new Result(new ArrayList<>(latencies), errors.get(), took);
    }

    static Client member(String gateway, InetAddress local) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .localAddress(local)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"bench password 123\"}";
        send(http, "POST", gateway + "/api/v1/accounts", credentials, null, 201);
        HttpResponse<String> login = send(http, "POST", gateway + "/api/v1/auth/login", credentials, null, 200);
        String token = login.headers().firstValue("Authorization").orElseThrow().substring("Bearer ".length());
        String profile = ids(ID, get(http, gateway + "/api/v1/profiles", token)).getFirst();
        return new Client(http, token, profile);
    }

    static List<String> ids(Pattern pattern, String json) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = pattern.matcher(json);
        while (matcher.find()) {
            if (!ids.contains(matcher.group(1))) {
                ids.add(matcher.group(1));
            }
        }
        return ids;
    }

    static String get(HttpClient http, String url, String token) throws Exception {
        return send(http, "GET", url, null, token, 200).body();
    }

    /** POSTs {@code body} as the client; {@code headers} are extra name, value pairs. */
    static HttpResponse<String> post(Client client, String url, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + client.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(HttpClient http, String method, String url, String body, String token,
            int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " -> " + response.statusCode() + " " + response.body());
        }
        return response;
    }
}
