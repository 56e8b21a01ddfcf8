package dev.reel.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicenceKeysTest {

    private static KeyPair pair;

    @TempDir
    Path temp;

    @BeforeAll
    static void generate() {
        pair = LicenceKeys.generate();
    }

    @Test
    void generatesA3072BitRsaPair() {
        assertThat(pair.getPublic()).isInstanceOf(RSAPublicKey.class);
        assertThat(((RSAPublicKey) pair.getPublic()).getModulus().bitLength()).isEqualTo(3072);
    }

    @Test
    void pemRoundTripsBothKeys() throws Exception {
        Path secrets = temp.resolve("secrets");

        LicenceKeys.writePem(pair, secrets);

        assertThat(LicenceKeys.readPublic(secrets.resolve("licence-public.pem")))
                .isEqualTo(pair.getPublic());
        assertThat(LicenceKeys.readPrivate(secrets.resolve("licence-private.pem")))
                .isEqualTo(pair.getPrivate());
        assertThat(Files.readString(secrets.resolve("licence-private.pem")))
                .startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("-----END PRIVATE KEY-----\n");
        assertThat(Files.readString(secrets.resolve("licence-public.pem"))).startsWith("-----BEGIN PUBLIC KEY-----\n");
        try (var files = Files.list(secrets)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("licence-private.pem", "licence-public.pem");
        }
    }

    @Test
    void privateKeyFileIsOwnerOnly() throws Exception {
        LicenceKeys.writePem(pair, temp);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("licence-private.pem"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("licence-public.pem"))))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void createdSecretsDirectoryIsOwnerOnly() throws Exception {
        Path secrets = temp.resolve("a/secrets");

        LicenceKeys.writePem(pair, secrets);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
                .isEqualTo("rwx------");
    }

    @Test
    void neverOverwritesAnExistingPair() throws Exception {
        LicenceKeys.writePem(pair, temp);
        String before = Files.readString(temp.resolve("licence-private.pem"));

        assertThatThrownBy(() -> LicenceKeys.writePem(LicenceKeys.generate(), temp))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(temp.resolve("licence-private.pem"))).isEqualTo(before);
    }

    @Test
    void readingTheWrongKindOfPemFails() {
        LicenceKeys.writePem(pair, temp);

        assertThatThrownBy(() -> LicenceKeys.readPrivate(temp.resolve("licence-public.pem")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PRIVATE KEY");
        assertThatThrownBy(() -> LicenceKeys.readPublic(temp.resolve("missing.pem")))
                .isInstanceOf(UncheckedIOException.class);
    }
}
