package dev.reel.launcher.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.reel.launcher.state.Holds;
import dev.reel.launcher.state.RunState.InstanceState;
import dev.reel.launcher.topology.Instance;
import dev.reel.launcher.topology.Ports;
import dev.reel.launcher.topology.ServiceSpec;
import dev.reel.launcher.topology.Stage;
import dev.reel.launcher.topology.Zone;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Supervises real child JVMs running {@link FakeService}. */
class SupervisorIT {

    private static final List<String> SMALL_JVM = List.of("-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    @TempDir
    Path directory;

    private final List<String> console = new CopyOnWriteArrayList<>();
    private final AtomicReference<List<InstanceState>> instances = new AtomicReference<>(List.of());
    private Supervisor supervisor;

    @AfterEach
    void stop() {
        if (supervisor != null) {
            supervisor.stopAll(Duration.ofSeconds(5));
        }
    }

    @Test
    void startsRestartsAKilledInstanceAndStopsAll() throws Exception {
        ServiceSpec fake = fakeService();
        supervisor = supervisor(SMALL_JVM);
        List<Instance> stage = List.of(instance(fake, 0), instance(fake, 1));

        supervisor.startStage(stage);

        assertThat(console).anyMatch(line -> line.startsWith("fake-0 ready in"));
        assertThat(console).anyMatch(line -> line.startsWith("fake-1 ready in"));
        assertThat(instances.get()).extracting(InstanceState::zone).containsExactly("zone-a", "zone-b");
        assertThat(Files.readString(directory.resolve("logs/fake-1.log"))).contains("\"zone\":\"zone-b\"");

        long killedPid = instances.get().get(1).pid();
        ProcessHandle.of(killedPid).orElseThrow().destroyForcibly();

        awaitConsole("fake-1 ready again in", Duration.ofSeconds(20));
        assertThat(console).contains("fake-1 exited (code 137); restarting in 1 s");
        InstanceState restarted = instances.get().get(1);
        assertThat(restarted.pid()).isNotEqualTo(killedPid);
        assertThat(restarted.restarts()).isEqualTo(1);
        assertThat(restarted.port()).isEqualTo(stage.get(1).port());

        List<ProcessHandle> running = instances.get().stream()
                .map(i -> ProcessHandle.of(i.pid()).orElseThrow())
                .toList();
        supervisor.stopAll(Duration.ofSeconds(5));

        assertThat(running).allMatch(ProcessTree::hasExited);
        assertThat(console).anyMatch(line -> line.startsWith("stopped fake-0, fake-1 in"));
    }

    @Test
    void anInstanceThatExitsDuringStartUpFailsTheStage() throws Exception {
        ServiceSpec fake = fakeService();
        var jvm = new ArrayList<>(SMALL_JVM);
        jvm.add("-Dfake.exit-code=3");
        supervisor = supervisor(jvm);

        assertThatExceptionOfType(StartupFailedException.class)
                .isThrownBy(() -> supervisor.startStage(List.of(instance(fake, 0))))
                .withMessage("fake-0 exited during start-up (code 3)")
                .satisfies(e -> assertThat(e.logFile()).hasFileName("fake-0.log"));
        Thread.sleep(1_500);
        assertThat(console).noneMatch(line -> line.contains("restarting"));
    }

    @Test
    void aChaosHoldKeepsAKilledInstanceDownUntilItEndsAndIsReleasedOnRestart() throws Exception {
        ServiceSpec fake = fakeService();
        supervisor = supervisor(SMALL_JVM);
        supervisor.startStage(List.of(instance(fake, 0)));
        long killedPid = instances.get().getFirst().pid();
        Instant until = Instant.now().plusSeconds(4);
        holds().hold("fake-0", until);

        ProcessHandle.of(killedPid).orElseThrow().destroyForcibly();

        awaitConsole("fake-0 held down by chaos until", Duration.ofSeconds(5));
        Thread.sleep(2_000);
        assertThat(console).noneMatch(line -> line.startsWith("fake-0 restarted"));
        assertThat(console).noneMatch(line -> line.startsWith("fake-0 exited"));
        assertThat(directory.resolve("run/holds/fake-0")).exists();

        awaitConsole("fake-0 ready again in", Duration.ofSeconds(20));
        assertThat(console)
                .filteredOn(line -> line.startsWith("fake-0 restarted"))
                .hasSize(1);
        assertThat(Instant.now()).isAfter(until);
        assertThat(instances.get().getFirst().pid()).isNotEqualTo(killedPid);
        assertThat(directory.resolve("run/holds/fake-0"))
                .as("released on restart")
                .doesNotExist();
    }

    @Test
    void aCorruptHoldIsIgnoredAndTheBackoffApplies() throws Exception {
        ServiceSpec fake = fakeService();
        supervisor = supervisor(SMALL_JVM);
        supervisor.startStage(List.of(instance(fake, 0)));
        Files.createDirectories(directory.resolve("run/holds"));
        Files.writeString(directory.resolve("run/holds/fake-0"), "not a time");

        ProcessHandle.of(instances.get().getFirst().pid()).orElseThrow().destroyForcibly();

        awaitConsole("fake-0 ready again in", Duration.ofSeconds(20));
        assertThat(console).contains("fake-0 exited (code 137); restarting in 1 s");
        assertThat(console).noneMatch(line -> line.contains("held down"));
        assertThat(directory.resolve("run/holds/fake-0")).doesNotExist();
    }

    private Holds holds() {
        return new Holds(directory.resolve("run/holds"));
    }

    private Supervisor supervisor(List<String> jvmOptions) throws Exception {
        var jvm = new ChildJvm(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                jvmOptions,
                directory,
                directory,
                ProcessHandle.current().pid(),
                Map.of("fake", launcherJar()),
                Map.of());
        return new Supervisor(
                jvm,
                directory.resolve("logs"),
                BackoffPolicy.DEFAULT,
                Duration.ofSeconds(30),
                new HealthProbe(),
                new Supervisor.Listener(console::add, instances::set),
                holds());
    }

    private static ServiceSpec fakeService() {
        return new ServiceSpec(
                "fake", Path.of("unused.jar"), freeBlockOfTwo(), 2, Stage.SERVICES, Map.of(), false, Map.of());
    }

    private static Instance instance(ServiceSpec service, int index) {
        return new Instance(service, index, Zone.forIndex(index), service.port(index));
    }

    private static int freeBlockOfTwo() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = Ports.anyFree();
            if (port < 65_535 && Ports.isFree(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no two adjacent free ports");
    }

    /** A manifest-only jar whose Main-Class is {@link FakeService}, loaded from the test classes directory. */
    private Path launcherJar() throws Exception {
        Path jar = directory.resolve("fake.jar");
        if (Files.exists(jar)) {
            return jar;
        }
        Path classes = Path.of(FakeService.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        manifest.getMainAttributes()
                .put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
        try (OutputStream out = Files.newOutputStream(jar);
                var jarOut = new JarOutputStream(out, manifest)) {
            jarOut.finish();
        }
        return jar;
    }

    private void awaitConsole(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (console.stream().anyMatch(line -> line.startsWith(prefix))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no console line starting with '" + prefix + "' in " + console);
    }
}
