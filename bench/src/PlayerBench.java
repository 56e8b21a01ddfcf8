import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reel.e2e.web.Browser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * bench/player: Reel's web player against a bare hls.js, and the weight of the home page, in headless Chromium.
 *
 * <p>A member signs up and picks a profile in the web app. The home page is then loaded once with the browser cache
 * off and the transferred bytes of the document and everything it fetched (Resource Timing's transferSize) are summed.
 * Then, alternating, it plays a demo title through the real UI (the title page's Play button; Reel's player reports
 * the time from the click to the first rendered frame as {@code timeToFirstFrameMs}) and through the anchor page,
 * hls.js 1.7 with its defaults on a page of its own (bench/player-anchor/, served here on another port; this program
 * starts its playback sessions and passes its manifest and licence requests on with the member's token). Every play
 * is stopped again after its first frame.
 *
 * <p>Usage: java -cp E2E_TEST_CLASSPATH bench/src/PlayerBench.java GATEWAY PLAYS (with bench/src/Load.java)
 */
public class PlayerBench {

    private static final String PASSWORD = "bench password 123";
    private static final Duration PAGE = Duration.ofSeconds(30);
    private static final Pattern SESSION_ID = Pattern.compile("\"sessionId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern HLS = Pattern.compile("\"hls\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern LICENCE = Pattern.compile("\"licence\"\\s*:\\s*\\{\\s*\"url\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        int plays = Integer.parseInt(args[1]);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String title = Load.ids(Load.TITLE_ID, Load.get(http, gateway + "/api/v1/titles?genre=demo&size=20", null))
                .getFirst();

        try (Browser browser = Browser.start()) {
            String email = "bench-player-" + UUID.randomUUID() + "@example.com";
            signUpAndPickProfile(browser, gateway, email);
            double homeKb = homePageWeight(browser, gateway) / 1024.0;

            String credentials = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
            String token = Load.send(http, "POST", gateway + "/api/v1/auth/login", credentials, null, 200)
                    .headers()
                    .firstValue("Authorization")
                    .orElseThrow()
                    .substring("Bearer ".length());
            String profile = Load.ids(Load.ID, Load.get(http, gateway + "/api/v1/profiles", token))
                    .getFirst();
            Anchor anchor = new Anchor(gateway, http, new Load.Client(http, token, profile), title);
            try {
                List<Double> reel = new ArrayList<>();
                List<Double> bare = new ArrayList<>();
                for (int i = 0; i < plays; i++) {
                    reel.add(playInReel(browser, gateway, title));
                    bare.add(anchor.play(browser));
                    System.out.printf(
                            "bench: play %d: Reel %.0f ms, hls.js defaults %.0f ms%n",
                            i + 1, reel.getLast(), bare.getLast());
                }
                double reelP50 = median(reel);
                double anchorP50 = median(bare);
                System.out.println();
                System.out.printf("bench: time-to-first-frame-p50 %.0f ms (goal <= 1000)%n", reelP50);
                System.out.printf("bench: time-to-first-frame-anchor-p50 %.0f ms (goal none)%n", anchorP50);
                System.out.printf("bench: ttff-ratio %.2f x (goal <= 1)%n", reelP50 / anchorP50);
                System.out.printf("bench: home-page-weight %.1f KB (goal none)%n", homeKb);
            } finally {
                anchor.close();
            }
        }
    }

    private static void signUpAndPickProfile(Browser browser, String gateway, String email) {
        browser.driver().get(gateway + "/#/signup");
        type(browser, "#signup-name", "Bench");
        type(browser, "#signup-email", email);
        type(browser, "#signup-password", PASSWORD);
        click(browser, "button#signup-submit");
        click(browser, "button.profile-tile[data-profile-id]");
        browser.await(PAGE, "the home page", d -> d.getCurrentUrl().endsWith("#/home"));
    }

    /** Loads {@code #/home} from scratch with the cache off; returns the bytes transferred until the network is quiet. */
    private static long homePageWeight(Browser browser, String gateway) throws InterruptedException {
        browser.driver().get("about:blank");
        browser.driver().executeCdpCommand("Network.enable", Map.of());
        browser.driver().executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
        try {
            browser.driver().get(gateway + "/#/home");
            browser.await(PAGE, "home rows with title cards", d -> !d.findElements(
                            By.cssSelector("section.row a.title-card"))
                    .isEmpty());
            long entries = -1;
            while (true) { // quiet: no new resource for a second
                Thread.sleep(1_000);
                long now = ((Number) browser.script("return performance.getEntriesByType('resource').length"))
                        .longValue();
                if (now == entries) {
                    break;
                }
                entries = now;
            }
            Map<?, ?> weight = (Map<?, ?>) browser.script("""
                    const all = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
                    return {
                      transferred: all.reduce((sum, e) => sum + e.transferSize, 0),
                      decoded: all.reduce((sum, e) => sum + e.decodedBodySize, 0),
                      requests: all.length,
                    };
                    """);
            System.out.printf(
                    "bench: home page: %s requests, %s bytes transferred, %s bytes decoded%n",
                    weight.get("requests"), weight.get("transferred"), weight.get("decoded"));
            return ((Number) weight.get("transferred")).longValue();
        } finally {
            browser.driver().executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
        }
    }

    /** Presses Play on the title page; returns the player's time to first frame and goes back to the title page. */
    private static double playInReel(Browser browser, String gateway, String title) {
        browser.driver().get(gateway + "/#/title/" + title);
        click(browser, "button#play-button");
        double ttff = browser.await(PAGE, "Reel's first frame", d -> {
            Object value = browser.script("return window.reelPlayer?.stats().timeToFirstFrameMs ?? null");
            return value instanceof Number number ? number.doubleValue() : null;
        });
        click(browser, "button#player-back");
        browser.await(PAGE, "the title page", ExpectedConditions.visibilityOfElementLocated(By.id("title-name")));
        return ttff;
    }

    private static void type(Browser browser, String css, String text) {
        WebElement field = browser.await(
                PAGE, css, ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        field.sendKeys(text);
    }

    private static void click(Browser browser, String css) {
        browser.await(PAGE, css, ExpectedConditions.elementToBeClickable(By.cssSelector(css)))
                .click();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * Serves bench/player-anchor/ and gateway's hls.js on a port of its own, and stands in for the member towards the
     * API: {@code POST /session} starts a playback session, {@code /manifest/ID} and {@code /licence/ID} pass the
     * session's manifest and licence requests on with the token, {@code POST /stop/ID} stops it.
     */
    private static final class Anchor implements AutoCloseable {

        private final String gateway;
        private final HttpClient http;
        private final Load.Client member;
        private final String title;
        private final HttpServer server;
        private final Map<String, String[]> sessions = new ConcurrentHashMap<>();

        Anchor(String gateway, HttpClient http, Load.Client member, String title) throws Exception {
            this.gateway = gateway;
            this.http = http;
            this.member = member;
            this.title = title;
            Path page = Path.of("bench/player-anchor");
            byte[] html = Files.readAllBytes(page.resolve("index.html"));
            byte[] script = Files.readAllBytes(page.resolve("anchor.mjs"));
            byte[] hls = http.send(
                            HttpRequest.newBuilder(URI.create(gateway + "/vendor/hls.min.mjs"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray())
                    .body();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> handle(exchange, html, script, hls));
            server.start();
        }

        /** Loads the anchor page and plays once; returns its time to first frame. */
        double play(Browser browser) {
            browser.driver().get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            browser.await(PAGE, "the anchor page", d -> browser.script("return typeof window.anchorPlay === 'function'")
                    .equals(Boolean.TRUE));
            Object ttff = browser.driver()
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + " window.anchorPlay().then(done, (error) => done(String(error)));");
            if (!(ttff instanceof Number number)) {
                throw new IllegalStateException("the anchor did not play: " + ttff);
            }
            return number.doubleValue();
        }

        private void handle(HttpExchange exchange, byte[] html, byte[] script, byte[] hls) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                String id = path.substring(path.lastIndexOf('/') + 1).replace(".m3u8", "");
                switch (path.substring(0, path.indexOf('/', 1) < 0 ? path.length() : path.indexOf('/', 1))) {
                    case "/" -> reply(exchange, 200, "text/html", html);
                    case "/anchor.mjs" -> reply(exchange, 200, "text/javascript", script);
                    case "/hls.min.mjs" -> reply(exchange, 200, "text/javascript", hls);
                    case "/session" -> reply(exchange, 200, "application/json", start());
                    case "/manifest" -> pass(exchange, "GET", sessions.get(id)[0], null);
                    case "/licence" -> pass(exchange, "POST", sessions.get(id)[1], exchange.getRequestBody()
                            .readAllBytes());
                    case "/stop" -> {
                        sessions.remove(id);
                        pass(exchange, "POST", "/api/v1/playback/sessions/" + id + "/stop", "{\"positionMillis\":0}"
                                .getBytes(StandardCharsets.UTF_8));
                    }
                    default -> reply(exchange, 404, "text/plain", new byte[0]);
                }
            } catch (Exception e) {
                System.err.println("bench: anchor server: " + e);
                throw e instanceof IOException io ? io : new IOException(e);
            }
        }

        private byte[] start() throws Exception {
            HttpResponse<String> started = Load.post(
                    member,
                    gateway + "/api/v1/playback/sessions",
                    "{\"profileId\":\"" + member.profile() + "\",\"titleId\":\"" + title
                            + "\",\"device\":{\"class\":\"desktop\",\"codecs\":[\"avc1\"]}}");
            if (started.statusCode() != 201) {
                throw new IllegalStateException("the anchor's session: " + started.statusCode() + " " + started.body());
            }
            String id = group(SESSION_ID, started.body());
            sessions.put(id, new String[] {group(HLS, started.body()), group(LICENCE, started.body())});
            return ("{\"id\":\"" + id + "\",\"manifest\":\"/manifest/" + id + ".m3u8\",\"licence\":\"/licence/" + id
                            + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
        }

        private void pass(HttpExchange exchange, String method, String path, byte[] body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                    .header("Authorization", "Bearer " + member.token())
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            reply(
                    exchange,
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("application/octet-stream"),
                    response.body());
        }

        private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }

        private static String group(Pattern pattern, String json) {
            Matcher matcher = pattern.matcher(json);
            if (!matcher.find()) {
                throw new IllegalStateException(pattern + " not in " + json);
            }
            return matcher.group(1);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
