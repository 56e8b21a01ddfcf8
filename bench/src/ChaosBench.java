import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two runs of bench/chaos that `reel load` cannot do alone.
 *
 * <ul>
 *   <li>{@code overload GATEWAY SECONDS}: measures the capacity of best-effort traffic (POST /api/v1/events: the
 *       highest open-loop rate, doubling from 25/s, of which 95 % is accepted), then sends it open-loop at three times
 *       that rate for SECONDS while four members press Play and stop in a loop. Prints the success rate of the playback-session
 *       calls, and how the flood was answered.
 *   <li>{@code gorilla GATEWAY DATA_DIR HOLD}: a member presses Play every 100 ms; after 10 s the whole of zone-a is
 *       killed with {@code reel chaos gorilla --zone zone-a --hold HOLD --no-wait}. Prints the seconds from the kill
 *       until starts succeeded again for good (0 when none failed).
 * </ul>
 *
 * <p>Usage: java bench/src/ChaosBench.java overload|gorilla ... (with bench/src/Load.java beside it)
 */
public class ChaosBench {

    private static final Pattern SESSION = Pattern.compile("\"sessionId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "overload" -> overload(args[1], Integer.parseInt(args[2]));
            case "gorilla" -> gorilla(args[1], args[2], args[3]);
            default -> throw new IllegalArgumentException("overload or gorilla, not " + args[0]);
        }
    }

    private static void overload(String gateway, int seconds) throws Exception {
        List<String> titles = titles(gateway);
        List<Load.Client> flooders = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            flooders.add(Load.member(gateway, InetAddress.getByName("127.0.5." + (10 + i))));
        }
        List<Load.Client> players = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            players.add(Load.member(gateway, InetAddress.getByName("127.0.6." + (10 + i))));
        }

        Thread.sleep(10_000); // let the CPU of the members' logins (Argon2) settle before measuring
        // Capacity: the highest open-loop rate of which at least 95 % is accepted, doubling from 25/s. A closed loop
        // would measure how fast shed answers come back instead.
        double capacity = 0;
        for (int rate = 25; rate <= 3200; rate *= 2) {
            Map<Integer, LongAdder> answers = openLoop(gateway, flooders, titles.getFirst(), rate, Duration.ofSeconds(6));
            long accepted = answers.getOrDefault(202, new LongAdder()).sum();
            double share = accepted / (rate * 6.0);
            System.out.printf("bench: best-effort events at %d/s: %.0f %% accepted %s%n", rate, 100 * share, answers);
            if (share < 0.95) {
                break;
            }
            capacity = rate;
            Thread.sleep(2_000);
        }
        capacity = Math.max(capacity, 25);
        double floodRate = 3 * capacity;
        System.out.printf("bench: capacity %.0f events/s; flooding at %.0f/s for %d s%n", capacity, floodRate, seconds);

        Map<Integer, LongAdder> floodAnswers = new ConcurrentSkipListMap<>();
        Thread flood = Thread.ofPlatform().start(() -> floodAnswers.putAll(
                openLoop(gateway, flooders, titles.getFirst(), floodRate, Duration.ofSeconds(seconds))));
        LongAdder plays = new LongAdder();
        LongAdder failed = new LongAdder();
        Map<String, LongAdder> reasons = new ConcurrentSkipListMap<>();
        List<Thread> playing = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        for (int p = 0; p < players.size(); p++) {
            Load.Client player = players.get(p);
            String title = titles.get(p % titles.size());
            playing.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    plays.increment();
                    String failure = play(gateway, player, title);
                    if (failure != null) {
                        failed.increment();
                        reasons.computeIfAbsent(failure, r -> new LongAdder()).increment();
                    }
                }
            }));
        }
        for (Thread thread : playing) {
            thread.join();
        }
        flood.join();
        long floodSent = floodAnswers.values().stream().mapToLong(LongAdder::sum).sum();
        long shed = floodAnswers.getOrDefault(503, new LongAdder()).sum();
        System.out.printf("bench: flood: %d sent, answers by status (0 = no answer, -1 = not sent: 4096 pending) %s%n",
                floodSent, floodAnswers);
        System.out.printf("bench: playback sessions under the flood: %d, failed %d %s%n", plays.sum(), failed.sum(),
                reasons);
        System.out.printf("result overload %.0f %.0f %d %d %d %d%n", capacity, floodRate, plays.sum(), failed.sum(),
                floodSent, shed);
    }

    /**
     * Sends best-effort events at {@code rate} per second for {@code duration}, whatever the answers (at most 4096
     * pending), and returns the answers by status, 0 for none, -1 for requests not sent because 4096 were pending.
     */
    private static Map<Integer, LongAdder> openLoop(
            String gateway, List<Load.Client> clients, String title, double rate, Duration duration) {
        Map<Integer, LongAdder> answers = new ConcurrentSkipListMap<>();
        Semaphore outstanding = new Semaphore(4096);
        long intervalNanos = (long) (1e9 / rate);
        long end = System.nanoTime() + duration.toNanos();
        long next = System.nanoTime();
        int i = 0;
        while (next < end) {
            next += intervalNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            if (!outstanding.tryAcquire()) {
                answers.computeIfAbsent(-1, s -> new LongAdder()).increment();
                continue;
            }
            Load.Client client = clients.get(i++ % clients.size());
            client.http()
                    .sendAsync(event(gateway, client, title), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((answer, failure) -> {
                        outstanding.release();
                        int status = failure != null ? 0 : answer.statusCode();
                        answers.computeIfAbsent(status, s -> new LongAdder()).increment();
                    });
        }
        outstanding.acquireUninterruptibly(4096);
        return answers;
    }

    private static void gorilla(String gateway, String dataDir, String hold) throws Exception {
        String title = titles(gateway).getFirst();
        Load.Client player = Load.member(gateway, InetAddress.getByName("127.0.6.40"));
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong killedAt = new AtomicLong();
        AtomicLong lastFailure = new AtomicLong();
        AtomicLong firstSuccessAfterLastFailure = new AtomicLong();
        LongAdder plays = new LongAdder();
        LongAdder failed = new LongAdder();
        Thread probe = Thread.ofVirtual().start(() -> {
            while (running.get()) {
                plays.increment();
                String failure = play(gateway, player, title);
                long now = System.nanoTime();
                if (failure != null) {
                    failed.increment();
                    lastFailure.set(now);
                    firstSuccessAfterLastFailure.set(0);
                    System.out.println("bench: start failed: " + failure);
                } else if (firstSuccessAfterLastFailure.get() == 0) {
                    firstSuccessAfterLastFailure.set(now);
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        });
        Thread.sleep(10_000);
        killedAt.set(System.nanoTime());
        Process gorilla = new ProcessBuilder(
                        "./reel", "chaos", "gorilla", "--zone", "zone-a", "--hold", hold, "--no-wait", "--data-dir",
                        dataDir)
                .inheritIO()
                .start();
        if (gorilla.waitFor() != 0) {
            throw new IllegalStateException("reel chaos gorilla failed");
        }
        Thread.sleep(Duration.parse("PT" + hold.toUpperCase()).toMillis() + 5_000);
        running.set(false);
        probe.join();
        double recovered = lastFailure.get() < killedAt.get()
                ? 0
                : (firstSuccessAfterLastFailure.get() - killedAt.get()) / 1e9;
        System.out.printf("bench: gorilla probe: %d starts, %d failed%n", plays.sum(), failed.sum());
        System.out.printf("result gorilla %.2f %d %d%n", recovered, plays.sum(), failed.sum());
    }

    /** Presses Play on {@code title} and stops again; returns null on success, else what failed. */
    private static String play(String gateway, Load.Client player, String title) {
        try {
            HttpResponse<String> session = Load.post(
                    player,
                    gateway + "/api/v1/playback/sessions",
                    "{\"profileId\":\"" + player.profile() + "\",\"titleId\":\"" + title
                            + "\",\"device\":{\"class\":\"tv\",\"codecs\":[\"avc1\"]}}",
                    // as the web player does: a Play the gateway may safely send again
                    "Idempotency-Key",
                    UUID.randomUUID().toString());
            if (session.statusCode() != 201) {
                return "session " + session.statusCode();
            }
            Matcher id = SESSION.matcher(session.body());
            if (!id.find()) {
                return "session without id";
            }
            HttpResponse<String> stop = Load.post(
                    player, gateway + "/api/v1/playback/sessions/" + id.group(1) + "/stop", "{\"positionMillis\":0}");
            return stop.statusCode() / 100 == 2 ? null : "stop " + stop.statusCode();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    private static HttpRequest event(String gateway, Load.Client client, String title) {
        String body = "{\"events\":[{\"type\":\"TitleClicked\",\"eventId\":\"" + UUID.randomUUID()
                + "\",\"rowId\":\"trending\",\"rowKind\":\"TRENDING\",\"rowPosition\":0,\"titleId\":\"" + title
                + "\",\"position\":0}]}";
        return HttpRequest.newBuilder(URI.create(gateway + "/api/v1/events"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + client.token())
                .header("X-Profile-Id", client.profile())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static List<String> titles(String gateway) throws Exception {
        List<String> titles = Load.ids(
                Load.TITLE_ID,
                Load.get(HttpClient.newHttpClient(), gateway + "/api/v1/titles?genre=demo&size=20", null));
        if (titles.isEmpty()) {
            throw new IllegalStateException("no demo titles: is the demo catalog seeded?");
        }
        return titles;
    }
}
