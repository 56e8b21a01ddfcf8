package dev.reel.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.gateway.ops.LauncherView.Launched;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherViewTest {

    /** As ops/launcher's RunState writes it. */
    static final String STATE = """
            {
              "launcherPid" : 100,
              "startedAt" : "2026-01-01T00:00:00Z",
              "home" : "/repo",
              "postgresPort" : 15432,
              "postgresPid" : 101,
              "kafkaPort" : 19092,
              "instances" : [ {
                "service" : "playback",
                "index" : 0,
                "zone" : "zone-a",
                "port" : 8400,
                "pid" : 200,
                "log" : "/data/logs/playback-0.log",
                "restarts" : 0
              }, {
                "service" : "playback",
                "index" : 1,
                "zone" : "zone-b",
                "port" : 8401,
                "pid" : 201,
                "log" : "/data/logs/playback-1.log",
                "restarts" : 2
              } ]
            }
            """;

    @TempDir
    Path directory;

    @Test
    void readsEveryInstanceWithWhetherItsProcessLives() throws IOException {
        Path file = Files.writeString(directory.resolve("state.json"), STATE);

        var instances = LauncherView.read(file, Set.of(100L, 200L)::contains).orElseThrow();

        assertThat(instances)
                .containsExactly(
                        new Launched("playback", 0, "zone-a", 8400, 200, 0, true),
                        new Launched("playback", 1, "zone-b", 8401, 201, 2, false));
    }

    @Test
    void aMissingOrBrokenFileOrADeadLauncherIsNoView() throws IOException {
        assertThat(LauncherView.read(directory.resolve("none.json"))).isEmpty();
        Path broken = Files.writeString(directory.resolve("broken.json"), "{\"launcherPid\": 1");
        assertThat(LauncherView.read(broken, pid -> true)).isEmpty();
        Path stale = Files.writeString(directory.resolve("state.json"), STATE);
        assertThat(LauncherView.read(stale, pid -> pid != 100)).isEmpty();
    }

    @Test
    void judgesLivenessOfRealProcesses() throws IOException {
        long self = ProcessHandle.current().pid();
        Path file = Files.writeString(
                directory.resolve("state.json"),
                STATE.replace("\"launcherPid\" : 100", "\"launcherPid\" : " + self)
                        .replace("\"pid\" : 200", "\"pid\" : " + self));

        var instances = LauncherView.read(file).orElseThrow();

        assertThat(instances).extracting(Launched::running).containsExactly(true, false);
    }
}
