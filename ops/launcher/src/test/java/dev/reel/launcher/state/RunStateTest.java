package dev.reel.launcher.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.reel.launcher.state.RunState.InstanceState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStateTest {

    private final RunState state = new RunState(
            4242,
            Instant.parse("2026-11-23T10:15:30.123Z"),
            "/work/main",
            15432,
            4300,
            19092,
            List.of(
                    new InstanceState("registry", 0, "zone-a", 8761, 4400, "/d/logs/registry-0.log", 0),
                    new InstanceState("catalog", 1, "zone-b", 8201, 4500, "/d/logs/catalog-1.log", 2)));

    @Test
    void roundTripsThroughJson() {
        String json = state.toJson();

        assertThat(RunState.fromJson(json)).isEqualTo(state);
        assertThat(json)
                .contains("\"launcherPid\" : 4242")
                .contains("\"startedAt\" : \"2026-11-23T10:15:30.123Z\"")
                .contains("\"zone\" : \"zone-b\"");
    }

    @Test
    void writesAndReadsAFile(@TempDir Path directory) {
        Path file = directory.resolve("run/state.json");

        state.writeTo(file);
        state.withInstances(List.of()).writeTo(file);

        assertThat(RunState.readFrom(file)).contains(state.withInstances(List.of()));
        assertThat(file.resolveSibling("state.json.tmp")).doesNotExist();
    }

    @Test
    void aMissingOrBrokenFileReadsAsEmpty(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("state.json");
        assertThat(RunState.readFrom(file)).isEmpty();

        Files.writeString(file, "{\"launcherPid\": 1, ");
        assertThat(RunState.readFrom(file)).isEmpty();
    }

    @Test
    void rejectsForeignJson() {
        assertThatIllegalArgumentException().isThrownBy(() -> RunState.fromJson("[1, 2]"));
    }

    @Test
    void namesInstancesLikeTheirLogFiles() {
        assertThat(state.instances().get(1).name()).isEqualTo("catalog-1");
    }
}
