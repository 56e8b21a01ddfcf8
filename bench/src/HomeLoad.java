import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load for bench/home: N members, each on its own loopback address, first watch half of a demo title (so every
 * profile has history, and the rows are personalised), then fetch {@code GET /api/v1/home} in a closed loop through
 * the gateway. The anchor, measured by the same clients for the same time, is the catalog's first page of titles
 * ({@code GET /api/v1/titles}: one hop, no personalisation). Prints p50/p99 of both, how many home pages came back
 * from the gateway's fallback, and ends with one machine-readable line for the bench script:
 * {@code result <label> <home p50 ms> <home p99 ms> <anchor p50 ms> <errors> <fallback pages> <pages>}.
 *
 * <p>Usage: java bench/src/HomeLoad.java GATEWAY CLIENTS SECONDS LABEL FIRST_ADDRESS (with bench/src/Load.java)
 */
public class HomeLoad {

    private static final Pattern SESSION = Pattern.compile("\"sessionId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String label = args[3];
        int firstAddress = Integer.parseInt(args[4]);

        List<String> titles = Load.ids(
                Load.TITLE_ID, Load.get(HttpClient.newHttpClient(), gateway + "/api/v1/titles?genre=demo&size=20", null));
        if (titles.isEmpty()) {
            throw new IllegalStateException("no demo titles: is the demo catalog seeded?");
        }
        List<Load.Client> members = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Load.Client member = Load.member(gateway, InetAddress.getByName("127.0.0." + (firstAddress + i)));
            watchHalf(gateway, member, titles.get(i % titles.size()));
            members.add(member);
        }
        System.out.printf("bench: %s: %d members signed up, each watched half a demo title%n", label, clients);

        AtomicInteger fallbacks = new AtomicInteger();
        AtomicInteger pages = new AtomicInteger();
        Load.Call home = (client, title) -> {
            long start = System.nanoTime();
            HttpResponse<String> response = get(client, gateway + "/api/v1/home");
            long micros = (System.nanoTime() - start) / 1000;
            if (response.statusCode() != 200) {
                System.err.println("home: " + response.statusCode() + " " + response.body());
                return -1;
            }
            pages.incrementAndGet();
            if (response.body().contains("\"fallback\":\"gateway\"")) {
                fallbacks.incrementAndGet();
            }
            return micros;
        };
        Load.Call browse = (client, title) -> {
            long start = System.nanoTime();
            HttpResponse<String> response = get(client, gateway + "/api/v1/titles?size=20");
            return response.statusCode() == 200 ? (System.nanoTime() - start) / 1000 : -1;
        };

        Load.run("warm-up", members, titles, home, 5);
        fallbacks.set(0);
        pages.set(0);
        Load.Result homes = Load.run("GET /home", members, titles, home, seconds);
        Load.Result reads = Load.run("GET /titles (anchor)", members, titles, browse, seconds);

        System.out.println();
        System.out.printf("%-28s %10s %10s %10s %8s%n", label, "p50 ms", "p99 ms", "req/s", "errors");
        Load.print("GET /home", homes);
        Load.print("GET /titles (anchor)", reads);
        System.out.printf("home pages answered by the gateway's fallback: %d of %d%n", fallbacks.get(), pages.get());
        System.out.printf(
                "result %s %.1f %.1f %.1f %d %d %d%n",
                label,
                homes.percentile(0.50) / 1000.0,
                homes.percentile(0.99) / 1000.0,
                reads.percentile(0.50) / 1000.0,
                homes.errors(),
                fallbacks.get(),
                pages.get());
    }

    /** Starts a session on {@code title}, reports 4 s watched and stops there: half of an 8 s demo title. */
    private static void watchHalf(String gateway, Load.Client member, String title) throws Exception {
        HttpResponse<String> session = Load.post(member, gateway + "/api/v1/playback/sessions",
                "{\"profileId\":\"" + member.profile() + "\",\"titleId\":\"" + title + "\"}");
        if (session.statusCode() != 201) {
            throw new IllegalStateException("play: " + session.statusCode() + " " + session.body());
        }
        Matcher id = SESSION.matcher(session.body());
        id.find();
        String base = gateway + "/api/v1/playback/sessions/" + id.group(1);
        Load.post(member, base + "/heartbeat",
                "{\"positionMillis\":4000,\"bitrateBps\":400000,\"bufferMillis\":4000,\"rebufferCount\":0,\"rebufferMillis\":0}");
        Load.post(member, base + "/stop", "{\"positionMillis\":4000}");
    }

    private static HttpResponse<String> get(Load.Client client, String url) throws Exception {
        return client.http().send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + client.token())
                        .header("X-Profile-Id", client.profile())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
