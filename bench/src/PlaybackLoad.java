import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load for bench/playback: N members, each on its own loopback address (127.0.0.10 + i, so the per-address login
 * limit sees N clients, all in isp-a's network), press Play on a demo title and stop again, in a loop, through the
 * gateway. The anchor is the same clients reading the title's details (GET /api/v1/titles/{id}: one hop to catalog)
 * for the same time. Prints p50/p99 and throughput of both, and the ratio.
 *
 * <p>Usage: java bench/src/PlaybackLoad.java GATEWAY CLIENTS SECONDS (with bench/src/Load.java beside it)
 */
public class PlaybackLoad {

    private static final Pattern SESSION = Pattern.compile("\"sessionId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);

        List<String> titles =
                Load.ids(Load.TITLE_ID, Load.get(HttpClient.newHttpClient(), gateway + "/api/v1/titles?genre=demo&size=20", null));
        if (titles.isEmpty()) {
            throw new IllegalStateException("no demo titles: is the demo catalog seeded?");
        }
        List<Load.Client> members = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            members.add(Load.member(gateway, InetAddress.getByName("127.0.0." + (10 + i))));
        }
        System.out.printf("bench: %d members signed up and logged in; %d demo titles%n", clients, titles.size());

        Load.Call play = (client, title) -> {
            long start = System.nanoTime();
            HttpResponse<String> session = Load.post(client, gateway + "/api/v1/playback/sessions",
                    "{\"profileId\":\"" + client.profile() + "\",\"titleId\":\"" + title
                            + "\",\"device\":{\"class\":\"tv\",\"codecs\":[\"avc1\"]}}");
            long micros = (System.nanoTime() - start) / 1000;
            if (session.statusCode() != 201) {
                System.err.println("play: " + session.statusCode() + " " + session.body());
                return -1;
            }
            Matcher id = SESSION.matcher(session.body());
            id.find();
            Load.post(client, gateway + "/api/v1/playback/sessions/" + id.group(1) + "/stop", "{\"positionMillis\":0}");
            return micros;
        };
        Load.Call details = (client, title) -> {
            long start = System.nanoTime();
            HttpResponse<String> response = client.http().send(
                    HttpRequest.newBuilder(URI.create(gateway + "/api/v1/titles/" + title))
                            .header("Authorization", "Bearer " + client.token())
                            .header("X-Profile-Id", client.profile())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? (System.nanoTime() - start) / 1000 : -1;
        };

        Load.run("warm-up", members, titles, play, 5);
        Load.run("warm-up", members, titles, details, 5);
        Load.Result sessions = Load.run("POST /playback/sessions", members, titles, play, seconds);
        Load.Result reads = Load.run("GET /titles/{id} (anchor)", members, titles, details, seconds);

        System.out.println();
        System.out.printf("%-28s %10s %10s %10s %8s%n", "", "p50 ms", "p99 ms", "req/s", "errors");
        Load.print("POST /playback/sessions", sessions);
        Load.print("GET /titles/{id} (anchor)", reads);
        System.out.printf("%nbench: playback-session-p50 %.1f ms (goal none)%n", sessions.percentile(0.50) / 1000.0);
        System.out.printf("bench: playback-session-p99 %.1f ms (goal <= 500 ms)%n", sessions.percentile(0.99) / 1000.0);
        System.out.printf("bench: playback-vs-title-read-p50 %.2f x (goal none)%n",
                (double) sessions.percentile(0.50) / Math.max(1, reads.percentile(0.50)));
        System.out.printf("bench: playback-session-errors %d count (goal 0)%n", sessions.errors());
    }
}
