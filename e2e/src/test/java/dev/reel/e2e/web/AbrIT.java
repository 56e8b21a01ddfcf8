package dev.reel.e2e.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

/**
 * Reel's buffer-based ABR ({@code web/js/player/abr.js}) in real Chromium, without the platform: the repository's
 * {@code web/} directory is served by the JDK's HTTP server and the page imports the module and calls its pure
 * functions (and its hls.js adapter, over a stand-in for hls.js) with synthetic inputs. The ladder is 0.4, 0.8, 1.6, 3.2 and 6 Mb/s; the default settings have a 5 s
 * reservoir and a 15 s cushion, so the rate map reaches the top rung at 20 s of buffer.
 */
class AbrIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The page's prologue: imports the module and hands the result of {@code body} back to the test. */
    private static final String SCRIPT = """
            const done = arguments[arguments.length - 1];
            import('/js/player/abr.js')
              .then((abr) => {
                const ladder = [400000, 800000, 1600000, 3200000, 6000000];
                const result = (() => { %s })();
                done(JSON.stringify(result));
              })
              .catch((error) => done(JSON.stringify({ error: String(error) })));
            """;

    private static HttpServer server;
    private static Browser browser;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        Path web = webDirectory();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> serve(exchange, web));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        browser = Browser.start();
        browser.driver().get(base + "/");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void theReservoirGetsTheLowestRung() {
        List<Integer> levels = run("""
                const levels = [];
                for (const buffer of [0, 1, 2.5, 4, 5]) {
                  for (let previous = 0; previous < ladder.length; previous++) {
                    levels.push(abr.decide({ bitrates: ladder, bufferSeconds: buffer, throughputBps: 1e9,
                      previousLevel: previous, startup: false }).level);
                  }
                }
                return levels;
                """);

        assertThat(levels).hasSize(25).containsOnly(0);
    }

    @Test
    void aboveTheCushionGetsTheTopRung() {
        List<Integer> levels = run("""
                const levels = [];
                for (const buffer of [20, 24, 30, 60]) {
                  for (let previous = 0; previous < ladder.length; previous++) {
                    levels.push(abr.decide({ bitrates: ladder, bufferSeconds: buffer, throughputBps: 1e5,
                      previousLevel: previous, startup: false }).level);
                  }
                }
                return levels;
                """);

        assertThat(levels).hasSize(20).containsOnly(4);
    }

    @Test
    void theLevelRisesWithTheBufferThroughEveryRung() {
        List<List<Integer>> byPrevious = run("""
                const rows = [];
                for (let previous = 0; previous < ladder.length; previous++) {
                  const row = [];
                  for (let buffer = 0; buffer <= 30; buffer += 0.25) {
                    row.push(abr.bufferLevel(ladder, buffer, previous));
                  }
                  rows.push(row);
                }
                return rows;
                """);

        assertThat(byPrevious).hasSize(5);
        for (List<Integer> row : byPrevious) {
            assertThat(row).isSorted();
            assertThat(row.getFirst()).isZero();
            assertThat(row.getLast()).isEqualTo(4);
        }
        // Climbing rung by rung, the map passes through every rung between the reservoir and the cushion.
        assertThat(byPrevious.getFirst()).contains(0, 1);
        assertThat(byPrevious.get(1)).contains(1, 2);
        assertThat(byPrevious.get(2)).contains(2, 3);
        assertThat(byPrevious.get(3)).contains(3, 4);
    }

    @Test
    void startUpFollowsThroughputAndEndsWhenSegmentsArriveTooSlowly() {
        Map<String, Object> result = run("""
                const climb = (throughputBps) => {
                  let previous = -1;
                  let startup = true;
                  const levels = [];
                  for (let segment = 0; segment < 5; segment++) {
                    const decision = abr.decide({ bitrates: ladder, bufferSeconds: segment + 0.5, throughputBps,
                      previousLevel: previous, startup });
                    levels.push(decision.level);
                    previous = decision.level;
                    startup = decision.startup;
                  }
                  return { levels, startup };
                };
                return {
                  fast: climb(50e6),
                  medium: climb(15e6),
                  slow: climb(5e6),
                  draining: abr.decide({ bitrates: ladder, bufferSeconds: 3, throughputBps: 1e6, previousLevel: 2,
                    startup: true }),
                  withoutEstimate: abr.decide({ bitrates: ladder, bufferSeconds: 3, throughputBps: NaN,
                    previousLevel: 1, startup: true }),
                };
                """);

        // The first segment comes from the lowest rung; then the rung that segments download 7-8 times faster than.
        assertThat(at(result, "fast", "levels")).isEqualTo(List.of(0, 4, 4, 4, 4));
        assertThat(at(result, "medium", "levels")).isEqualTo(List.of(0, 2, 2, 2, 2));
        assertThat(at(result, "slow", "levels")).isEqualTo(List.of(0, 0, 0, 0, 0));
        assertThat(at(result, "slow", "startup")).isEqualTo(true);
        // 1 Mb/s cannot sustain the 1.6 Mb/s rung: start-up is over and the buffer (in the reservoir) decides.
        assertThat(at(result, "draining", "level")).isEqualTo(0);
        assertThat(at(result, "draining", "startup")).isEqualTo(false);
        assertThat(at(result, "withoutEstimate", "level")).isEqualTo(1);
    }

    @Test
    void aWobblingBufferDoesNotMakeTheLevelOscillate() {
        Map<String, Object> result = run("""
                // 12.5 s of buffer is where the rate map crosses the 3.2 Mb/s rung; wobble half a second around it.
                let previous = 2;
                let switches = 0;
                const levels = [];
                for (let step = 0; step < 200; step++) {
                  const buffer = 12.5 + 0.5 * Math.sin(step / 3);
                  const level = abr.decide({ bitrates: ladder, bufferSeconds: buffer, throughputBps: 1e7,
                    previousLevel: previous, startup: false }).level;
                  if (level !== previous) switches++;
                  previous = level;
                  levels.push(level);
                }
                // Without hysteresis (the highest rung the rate map affords) the same wobble flips every few steps.
                let naiveSwitches = 0;
                let naivePrevious = 2;
                for (let step = 0; step < 200; step++) {
                  const rate = abr.rateMap(12.5 + 0.5 * Math.sin(step / 3), ladder[0], ladder[4]);
                  const naive = ladder.filter((bitrate) => bitrate <= rate).length - 1;
                  if (naive !== naivePrevious) naiveSwitches++;
                  naivePrevious = naive;
                }
                return { switches, naiveSwitches, levels: [...new Set(levels)] };
                """);

        assertThat((Integer) result.get("naiveSwitches")).isGreaterThan(10);
        assertThat((Integer) result.get("switches")).isLessThanOrEqualTo(1);
        assertThat(integers(result, "levels")).isSubsetOf(2, 3);
    }

    @Test
    void aSegmentThatWouldNotArriveBeforeTheReservoirIsNotChosen() {
        Map<String, Object> result = run("""
                // 30 s of buffer on a 363 kb/s link: a 4 s segment of 6 Mb/s takes 66 s, of 3.2 Mb/s 35 s, of 1.6 Mb/s 18 s.
                const choose = (segmentSeconds, throughputBps) => abr.decide({ bitrates: ladder, bufferSeconds: 30,
                  throughputBps, previousLevel: 4, startup: false, segmentSeconds }).level;
                return {
                  slowLink: choose(4, 363000),
                  fastLink: choose(4, 50e6),
                  unknownSegment: choose(undefined, 363000),
                  hopeless: choose(4, 1000),
                };
                """);

        assertThat(result)
                .containsEntry("slowLink", 2)
                .containsEntry("fastLink", 4)
                .containsEntry("unknownSegment", 4)
                .containsEntry("hopeless", 0);
    }

    @Test
    void aManualChoiceOverridesTheBufferAndTheThroughput() {
        Map<String, Object> result = run("""
                const choose = (manualLevel, bufferSeconds, startup) => abr.decide({ bitrates: ladder, bufferSeconds,
                  throughputBps: 1e9, previousLevel: 2, startup, manualLevel }).level;
                return {
                  lowWithFullBuffer: choose(1, 30, false),
                  topWithEmptyBuffer: choose(4, 0, true),
                  beyondTheLadder: choose(9, 0, false),
                  automatic: choose(null, 30, false),
                };
                """);

        assertThat(result)
                .containsEntry("lowWithFullBuffer", 1)
                .containsEntry("topWithEmptyBuffer", 4)
                .containsEntry("beyondTheLadder", 4)
                .containsEntry("automatic", 4);
    }

    @Test
    void theHlsAdapterAsksDecideOverTheLevelsOfOneCodecAndHonoursTheManualChoice() {
        Map<String, Object> result = run("""
                // A stand-in for hls.js' AbrController: the estimator and the buffer are what the adapter reads.
                class FakeBase {
                  constructor(hls) { this.hls = hls; this.lastLoadedFragLevel = -1; this.bwEstimator = { canEstimate: () => true }; }
                  getStarvationDelay() { return this.buffer; }
                  getBwEstimate() { return this.estimate; }
                }
                const level = (bitrate, codecSet) => ({ bitrate, codecSet });
                const hls = {
                  levels: [level(400000, 'avc1,mp4a'), level(500000, 'av01,mp4a'), level(800000, 'avc1,mp4a'),
                           level(1600000, 'avc1,mp4a'), level(3200000, 'avc1,mp4a')],
                  minAutoLevel: 0, maxAutoLevel: 4, loadLevel: 0,
                };
                const Controller = abr.reelAbrController(FakeBase);
                const controller = new Controller(hls);
                const first = controller.firstAutoLevel;
                controller.lastLoadedFragLevel = 3;
                controller.startup = false;
                controller.buffer = 30;
                controller.estimate = 1e9;
                const full = controller.getNextABRAutoLevel();
                controller.buffer = 0;
                const empty = controller.getNextABRAutoLevel();
                controller.manualLevel = 2;
                controller.buffer = 30;
                const manual = controller.getNextABRAutoLevel();
                return { first, full, empty, manual };
                """);

        assertThat(result)
                .containsEntry("first", 0)
                .containsEntry("full", 4)
                .containsEntry("empty", 0)
                .containsEntry("manual", 2);
    }

    /** Runs {@code body} (a function body returning a JSON-able value, with {@code abr} and {@code ladder}). */
    @SuppressWarnings("unchecked")
    private static <T> T run(String body) {
        Object answer = browser.driver().executeAsyncScript(SCRIPT.formatted(body));
        Object value = JSON.readValue(String.valueOf(answer), Object.class);
        if (value instanceof Map<?, ?> map && map.containsKey("error")) {
            throw new AssertionError("the page failed: " + map.get("error"));
        }
        return (T) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> integers(Map<String, Object> result, String key) {
        return (List<Integer>) result.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> result, String... path) {
        Object value = result;
        for (String key : path) {
            value = ((Map<String, Object>) value).get(key);
        }
        return value;
    }

    /** A blank page at {@code /} (so the app does not start), and the files of {@code web/} elsewhere. */
    private static void serve(HttpExchange exchange, Path web) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            String type;
            if (path.equals("/")) {
                body = "<!doctype html><html lang=\"en\"><title>ABR test</title></html>"
                        .getBytes(StandardCharsets.UTF_8);
                type = "text/html; charset=utf-8";
            } else {
                Path file = web.resolve(path.substring(1)).normalize();
                if (!file.startsWith(web) || !Files.isRegularFile(file)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                body = Files.readAllBytes(file);
                type = path.endsWith(".js") || path.endsWith(".mjs")
                        ? "text/javascript; charset=utf-8"
                        : "application/octet-stream";
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The repository's {@code web/} directory, found upwards from the module's directory. */
    private static Path webDirectory() {
        Path dir = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            Path web = candidate.resolve("web");
            if (Files.isRegularFile(web.resolve("js/player/abr.js"))) {
                return web;
            }
        }
        throw new IllegalStateException("no web/js/player/abr.js above " + dir);
    }
}
