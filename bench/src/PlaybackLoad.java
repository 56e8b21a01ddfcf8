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
 * Load for bench/playback: N members, each on its own loopback address (127.0.0.10 + i, so the per-address login
 * limit sees N clients, all in isp-a's network), press Play on a demo title and stop again, in a loop, through the
 * gateway. The anchor is the same clients reading the title's details (GET /api/v1/titles/{id}: one hop to catalog)
 * for the same time. Prints p50/p99 and throughput of both, and the ratio.
 *
 * <p>Usage: java bench/src/PlaybackLoad.java GATEWAY CLIENTS SECONDS
 */
public class PlaybackLoad {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern TITLE_ID =
            Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"\\s*,\\s*\"type\"\\s*:\\s*\"(MOVIE|SERIES)\"");
    private static final Pattern SESSION = Pattern.compile("\"sessionId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

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

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);

        List<String> titles =
                ids(TITLE_ID, get(HttpClient.newHttpClient(), gateway + "/api/v1/titles?genre=demo&size=20", null));
        if (titles.isEmpty()) {
            throw new IllegalStateException("no demo titles: is the demo catalog seeded?");
        }
        List<Client> members = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            members.add(member(gateway, InetAddress.getByName("127.0.0." + (10 + i))));
        }
        System.out.printf("bench: %d members signed up and logged in; %d demo titles%n", clients, titles.size());

        Call play = (client, title) -> {
            long start = System.nanoTime();
            HttpResponse<String> session = post(client, gateway + "/api/v1/playback/sessions",
                    "{\"profileId\":\"" + client.profile() + "\",\"titleId\":\"" + title
                            + "\",\"device\":{\"class\":\"tv\",\"codecs\":[\"avc1\"]}}");
            long micros = (System.nanoTime() - start) / 1000;
            if (session.statusCode() != 201) {
                System.err.println("play: " + session.statusCode() + " " + session.body());
                return -1;
            }
            Matcher id = SESSION.matcher(session.body());
            id.find();
            post(client, gateway + "/api/v1/playback/sessions/" + id.group(1) + "/stop", "{\"positionMillis\":0}");
            return micros;
        };
        Call details = (client, title) -> {
            long start = System.nanoTime();
            HttpResponse<String> response = client.http().send(
                    HttpRequest.newBuilder(URI.create(gateway + "/api/v1/titles/" + title))
                            .header("Authorization", "Bearer " + client.token())
                            .header("X-Profile-Id", client.profile())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? (System.nanoTime() - start) / 1000 : -1;
        };

        run("warm-up", members, titles, play, 5);
        run("warm-up", members, titles, details, 5);
        Result sessions = run("POST /playback/sessions", members, titles, play, seconds);
        Result reads = run("GET /titles/{id} (anchor)", members, titles, details, seconds);

        System.out.println();
        System.out.printf("%-28s %10s %10s %10s %8s%n", "", "p50 ms", "p99 ms", "req/s", "errors");
        print("POST /playback/sessions", sessions);
        print("GET /titles/{id} (anchor)", reads);
        System.out.printf("%nbench: playback-session-p50 %.1f ms (goal none)%n", sessions.percentile(0.50) / 1000.0);
        System.out.printf("bench: playback-session-p99 %.1f ms (goal <= 500 ms)%n", sessions.percentile(0.99) / 1000.0);
        System.out.printf("bench: playback-vs-title-read-p50 %.2f x (goal none)%n",
                (double) sessions.percentile(0.50) / Math.max(1, reads.percentile(0.50)));
        System.out.printf("bench: playback-session-errors %d count (goal 0)%n", sessions.errors());
    }

    private static void print(String name, Result result) {
        System.out.printf("%-28s %10.1f %10.1f %10.1f %8d%n", name, result.percentile(0.5) / 1000.0,
                result.percentile(0.99) / 1000.0, result.perSecond(), result.errors());
    }

    private static Result run(String name, List<Client> members, List<String> titles, Call call, int seconds)
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

    private static Client member(String gateway, InetAddress local) throws Exception {
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

    private static List<String> ids(Pattern pattern, String json) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = pattern.matcher(json);
        while (matcher.find()) {
            if (!ids.contains(matcher.group(1))) {
                ids.add(matcher.group(1));
            }
        }
        return ids;
    }

    private static String get(HttpClient http, String url, String token) throws Exception {
        return send(http, "GET", url, null, token, 200).body();
    }

    private static HttpResponse<String> post(Client client, String url, String body) throws Exception {
        return client.http().send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + client.token())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(HttpClient http, String method, String url, String body, String token,
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
