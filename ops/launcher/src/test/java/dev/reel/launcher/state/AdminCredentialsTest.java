package dev.reel.launcher.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminCredentialsTest {

    @TempDir
    Path directory;

    @Test
    void generatesAStrongPasswordOnceInAnOwnerOnlyFile() throws Exception {
        Path file = directory.resolve("data/admin.properties");

        AdminCredentials first = AdminCredentials.loadOrCreate(file, Map.of());
        AdminCredentials second = AdminCredentials.loadOrCreate(file, Map.of());

        assertThat(first.email()).isEqualTo("admin@reel.local");
        assertThat(first.password()).hasSize(24).matches("[A-Za-z0-9]+");
        assertThat(second).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(first.environment())
                .containsEntry("REEL_IDENTITY_BOOTSTRAP_ADMIN_EMAIL", "admin@reel.local")
                .containsEntry("REEL_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD", first.password());
        assertThat(first.toString()).doesNotContain(first.password());
    }

    @Test
    void passwordsDiffer() {
        assertThat(AdminCredentials.generatePassword()).isNotEqualTo(AdminCredentials.generatePassword());
    }

    @Test
    void environmentOverridesWithoutTouchingTheFile() {
        Path file = directory.resolve("admin.properties");

        AdminCredentials credentials = AdminCredentials.loadOrCreate(
                file,
                Map.of(
                        AdminCredentials.EMAIL_ENV, "ops@example.com",
                        AdminCredentials.PASSWORD_ENV, "correct horse battery"));

        assertThat(credentials.email()).isEqualTo("ops@example.com");
        assertThat(credentials.password()).isEqualTo("correct horse battery");
        assertThat(file).doesNotExist();
    }

    @Test
    void oneEnvironmentValueOverridesOnlyThatField() {
        Path file = directory.resolve("admin.properties");
        AdminCredentials stored = AdminCredentials.loadOrCreate(file, Map.of());

        AdminCredentials credentials =
                AdminCredentials.loadOrCreate(file, Map.of(AdminCredentials.EMAIL_ENV, "ops@example.com"));

        assertThat(credentials.email()).isEqualTo("ops@example.com");
        assertThat(credentials.password()).isEqualTo(stored.password());
    }
}
