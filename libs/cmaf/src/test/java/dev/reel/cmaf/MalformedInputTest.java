package dev.reel.cmaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.reel.cmaf.box.Boxes;
import dev.reel.cmaf.cenc.CencEncryptor;
import java.time.Duration;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Corrupted inputs fail with IllegalArgumentException (MalformedBoxException among them), quickly. */
class MalformedInputTest {

    private static final CencEncryptor ENCRYPTOR = CencEncryptor.builder()
            .keyId(HexFormat.of().parseHex("0123456789abcdef0123456789abcdef"))
            .key(HexFormat.of().parseHex("00112233445566778899aabbccddeeff"))
            .build();

    @Test
    void mutatedInitAndMediaSegmentsNeverHangOrThrowAnythingElse() {
        byte[] init = Fixtures.init();
        byte[] segment = Fixtures.segment(5, 6, 6).bytes();
        InitSegment parsedInit = InitSegment.parse(init);
        SplittableRandom random = new SplittableRandom(2024);
        int[] failures = new int[1];

        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int round = 0; round < 3000; round++) {
                byte[] badInit = mutate(init, random);
                byte[] badSegment = mutate(segment, random);
                failures[0] += attempt(() -> Boxes.write(Boxes.parse(badInit)));
                failures[0] += attempt(() -> InitSegment.parse(badInit));
                failures[0] += attempt(() -> ENCRYPTOR.encryptInit(badInit));
                failures[0] += attempt(() -> ENCRYPTOR.encryptSegment(badSegment, parsedInit));
            }
        });
        assertThat(failures[0]).as("some mutations must be rejected").isPositive();
    }

    @Test
    void truncationAtEveryLengthIsRejectedCleanly() {
        byte[] segment = Fixtures.segment(6, 3, 3).bytes();
        InitSegment init = InitSegment.parse(Fixtures.init());
        for (int length = 0; length < segment.length; length += 7) {
            byte[] truncated = java.util.Arrays.copyOf(segment, length);
            assertThatCode(() -> attempt(() -> ENCRYPTOR.encryptSegment(truncated, init)))
                    .doesNotThrowAnyException();
        }
    }

    private static int attempt(Runnable action) {
        try {
            action.run();
            return 0;
        } catch (IllegalArgumentException | UnsupportedOperationException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return 1;
        }
    }

    private static byte[] mutate(byte[] original, SplittableRandom random) {
        byte[] copy = original.clone();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int pos = random.nextInt(copy.length);
            copy[pos] = switch (random.nextInt(4)) {
                case 0 -> (byte) random.nextInt(256);
                case 1 -> (byte) 0xFF;
                case 2 -> 0;
                default -> (byte) (copy[pos] ^ (1 << random.nextInt(8)));
            };
        }
        if (random.nextInt(5) == 0) {
            copy = java.util.Arrays.copyOf(copy, random.nextInt(copy.length));
        }
        return copy;
    }
}
