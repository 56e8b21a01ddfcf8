package dev.reel.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChaosSignerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final ChaosSigner signer = new ChaosSigner(new byte[32]);
    private final ChaosFault fault = new ChaosFault(
            "exp-1", "personalization", ChaosFault.Kind.LATENCY, 50, 2000, NOW.plus(Duration.ofMinutes(5)));

    @Test
    void aSignedFaultVerifiesUntilItExpires() {
        String header = signer.sign(fault);
        assertThat(signer.verify(header, NOW)).contains(fault);
        assertThat(signer.verify(header, fault.until())).isEmpty();
    }

    @Test
    void tamperedForgedOrGarbledHeadersAreIgnored() {
        String header = signer.sign(fault);
        String claims = header.substring(0, header.indexOf('.'));
        String otherClaims = signer.sign(new ChaosFault(
                        "exp-1", "playback", ChaosFault.Kind.ERRORS, 100, 0, NOW.plus(Duration.ofHours(9))))
                .split("\\.")[0];
        assertThat(signer.verify(otherClaims + header.substring(header.indexOf('.')), NOW))
                .isEmpty();
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThat(new ChaosSigner(otherKey).verify(header, NOW)).isEmpty();
        assertThat(signer.verify(claims, NOW)).isEmpty();
        assertThat(signer.verify("!!.??", NOW)).isEmpty();
        assertThat(signer.verify("", NOW)).isEmpty();
    }

    @Test
    void faultsOnlyApplyToTheirTarget() {
        assertThat(fault.appliesTo("personalization", NOW)).isTrue();
        assertThat(fault.appliesTo("catalog", NOW)).isFalse();
        assertThatThrownBy(() -> new ChaosFault("x", "y", ChaosFault.Kind.LATENCY, 10, 0, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChaosFault.Kind.parse("slow")).hasMessageContaining("latency, errors or kill");
    }

    @Test
    void theKeyFileIsCreatedOnceAndOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secrets/chaos.key");
        assertThat(ChaosSigner.fromKeyFile(file)).isEmpty();
        assertThat(ChaosSigner.createKeyFile(file)).isTrue();
        String first = Files.readString(file);
        assertThat(ChaosSigner.createKeyFile(file)).isFalse();
        assertThat(Files.readString(file)).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(file)).hasSize(2);
        ChaosSigner fromFile = ChaosSigner.fromKeyFile(file).orElseThrow();
        assertThat(fromFile.verify(fromFile.sign(fault), NOW)).contains(fault);
    }
}
