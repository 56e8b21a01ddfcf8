package dev.reel.launcher.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.keystore.LicenceKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicenceKeyFilesTest {

    @TempDir
    Path data;

    @Test
    void theFirstStartCreatesAMatchingPairAndLaterStartsKeepIt() throws Exception {
        Path secrets = data.resolve("secrets");

        assertThat(LicenceKeyFiles.ensure(secrets)).isEqualTo(LicenceKeyFiles.Outcome.CREATED);
        Path privateFile = secrets.resolve("licence-private.pem");
        Path publicFile = secrets.resolve("licence-public.pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile)))
                .isEqualTo("rw-------");
        var privateKey = (RSAPrivateCrtKey) LicenceKeys.readPrivate(privateFile);
        var publicKey = (RSAPublicKey) LicenceKeys.readPublic(publicFile);
        assertThat(publicKey.getModulus()).isEqualTo(privateKey.getModulus());

        String before = Files.readString(privateFile);
        Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(LicenceKeyFiles.ensure(secrets)).isEqualTo(LicenceKeyFiles.Outcome.EXISTED);
        assertThat(Files.readString(privateFile)).isEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(privateFile)))
                .isEqualTo("rw-------");
    }

    @Test
    void halfAPairIsAnErrorThatNamesTheMissingFile() throws Exception {
        Path secrets = Files.createDirectories(data.resolve("secrets"));
        Files.writeString(secrets.resolve("licence-public.pem"), "-----BEGIN PUBLIC KEY-----\n");

        assertThatThrownBy(() -> LicenceKeyFiles.ensure(secrets))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without " + secrets.resolve("licence-private.pem"));
        assertThat(secrets.resolve("licence-private.pem")).doesNotExist();
    }
}
