package dev.reel.cmaf.cenc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class IvGeneratorTest {

    @Test
    void eightByteIvsNeverRepeat() {
        IvGenerator ivs = new IvGenerator(8, new SecureRandom());
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < 200_000; i++) {
            byte[] iv = ivs.next(1000);
            assertThat(iv).hasSize(8);
            assertThat(seen.add(HexFormat.of().formatHex(iv))).isTrue();
        }
    }

    @Test
    void sixteenByteIvsNeverShareACounterBlock() {
        IvGenerator ivs = new IvGenerator(16, new SplittableRandom(7));
        SplittableRandom sizes = new SplittableRandom(8);
        BigInteger previousEnd = null;

        for (int i = 0; i < 50_000; i++) {
            long protectedBytes = sizes.nextLong(0, 100_000);
            byte[] iv = ivs.next(protectedBytes);
            BigInteger start = new BigInteger(1, iv);
            long blocks = Math.max(1, (protectedBytes + 15) / 16);
            if (previousEnd != null) {
                assertThat(start).isGreaterThanOrEqualTo(previousEnd);
            }
            previousEnd = start.add(BigInteger.valueOf(blocks));
            // The low 64 bits never carry, so decryptors that wrap them (ffmpeg) agree with those that don't.
            assertThat(new BigInteger(1, java.util.Arrays.copyOfRange(iv, 8, 16)).add(BigInteger.valueOf(blocks)))
                    .isLessThan(BigInteger.ONE.shiftLeft(64));
        }
    }

    @Test
    void uniqueAcrossThreads() throws Exception {
        IvGenerator ivs = new IvGenerator(8, new SecureRandom());
        Set<String> seen = ConcurrentHashMap.newKeySet();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25_000; i++) {
                        seen.add(HexFormat.of().formatHex(ivs.next(10)));
                    }
                }));
            }
            for (var f : futures) {
                f.get();
            }
        }
        assertThat(seen).hasSize(100_000);
    }

    @Test
    void independentGeneratorsStartAtRandomPoints() {
        byte[] a = new IvGenerator(8, new SecureRandom()).next(16);
        byte[] b = new IvGenerator(8, new SecureRandom()).next(16);

        assertThat(a).isNotEqualTo(b);
        assertThat(IvGenerator.counterBlock(a)).hasSize(16).startsWith(a).endsWith(new byte[8]);
    }
}
