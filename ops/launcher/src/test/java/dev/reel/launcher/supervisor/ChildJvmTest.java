package dev.reel.launcher.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.launcher.topology.Instance;
import dev.reel.launcher.topology.ServiceTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildJvmTest {

    private final ChildJvm jvm = new ChildJvm(
            Path.of("/jdk/bin/java"),
            List.of("-Xmx64m"),
            Path.of("/repo"),
            Path.of("/data"),
            77,
            Map.of("catalog", Path.of("/tmp/fake.jar")),
            Map.of("REEL_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD", "secret"));

    @Test
    void passesTheContractPropertiesBeforeTheJar() {
        Instance catalog = Instance.of(ServiceTable.find("catalog").orElseThrow(), 1);

        assertThat(jvm.command(catalog))
                .containsExactly(
                        "/jdk/bin/java",
                        "-Xmx64m",
                        "-Dserver.port=8201",
                        "-Dreel.zone=zone-b",
                        "-Dreel.launcher.pid=77",
                        "-Dreel.registry.url=http://localhost:8761/eureka/",
                        "-Dreel.config.url=http://localhost:8888",
                        "-Dreel.infra.postgres-url=jdbc:postgresql://localhost:15432/",
                        "-Dreel.infra.kafka=localhost:19092",
                        "-Dreel.home=/repo",
                        "-Dreel.data-dir=/data",
                        "-jar",
                        "/tmp/fake.jar");
    }

    @Test
    void addsServiceSpecificPathsUnderTheRepository() {
        Instance config = Instance.of(ServiceTable.find("config").orElseThrow(), 0);
        Instance gateway = Instance.of(ServiceTable.find("gateway").orElseThrow(), 0);

        assertThat(jvm.systemProperties(config)).containsEntry("reel.config.repo", "/repo/config");
        assertThat(jvm.systemProperties(gateway)).containsEntry("reel.gateway.web-root", "/repo/web/");
        assertThat(jvm.command(gateway)).endsWith("-jar", "/repo/platform/gateway/target/gateway.jar");
    }

    @Test
    void onlyIdentityGetsTheAdminEnvironment() {
        Instance identity = Instance.of(ServiceTable.find("identity").orElseThrow(), 0);
        Instance catalog = Instance.of(ServiceTable.find("catalog").orElseThrow(), 0);

        assertThat(jvm.environment(identity)).containsEntry("REEL_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD", "secret");
        assertThat(jvm.environment(catalog)).isEmpty();
        assertThat(String.join(" ", jvm.command(identity))).doesNotContain("secret");
    }

    @Test
    void optionsComeFromTheCommandLineThenTheEnvironmentThenTheDefaults() {
        assertThat(ChildJvm.jvmOptions("-Xmx1g  -Dx=y", "-Xmx2g")).containsExactly("-Xmx1g", "-Dx=y");
        assertThat(ChildJvm.jvmOptions(null, " -Xmx2g ")).containsExactly("-Xmx2g");
        assertThat(ChildJvm.jvmOptions(null, null)).isEqualTo(ChildJvm.DEFAULT_JVM_OPTIONS);
        assertThat(ChildJvm.jvmOptions("", "-Xmx2g")).isEmpty();
        assertThat(ChildJvm.DEFAULT_JVM_OPTIONS).contains("-XX:+UseSerialGC", "-Xmx256m");
    }
}
