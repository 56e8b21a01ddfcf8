package dev.reel.cmaf.cenc;

import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Per-sample initialisation vectors that never reuse an AES-CTR counter block under one
 * generator, the way Shaka Packager does it: a random start, then counting.
 *
 * <ul>
 *   <li>8-byte IVs: the IV is the high half of the counter block and the block counter the low
 *       half, so distinct IVs never overlap. IV = random 64-bit start + sample number.
 *   <li>16-byte IVs: the IV is the whole first counter block, so the next IV must skip every
 *       block the previous sample used. IV = random high half, random 63-bit low half + blocks
 *       used so far; keeping the low half below 2^64 means no decryptor, whether it carries into
 *       the high half or (like ffmpeg) wraps the low 64 bits, ever sees a carry.
 * </ul>
 *
 * Thread-safe: the counter is atomic.
 */
final class IvGenerator {

    private final int size;
    private final long high;
    private final long lowStart;
    private final AtomicLong counter = new AtomicLong();

    IvGenerator(int size, RandomGenerator random) {
        if (size != 8 && size != 16) {
            throw new IllegalArgumentException("IV size must be 8 or 16, not " + size);
        }
        this.size = size;
        this.high = random.nextLong();
        this.lowStart = random.nextLong() >>> 1;
    }

    int size() {
        return size;
    }

    /** The IV for the next sample, which will encrypt {@code protectedBytes} bytes. */
    byte[] next(long protectedBytes) {
        byte[] iv = new byte[size];
        if (size == 8) {
            putLong(iv, 0, high + counter.getAndIncrement());
        } else {
            long blocks = Math.max(1, (protectedBytes + 15) / 16);
            putLong(iv, 0, high);
            putLong(iv, 8, lowStart + counter.getAndAdd(blocks));
        }
        return iv;
    }

    /** The first AES-CTR counter block for {@code iv}: an 8-byte IV padded with a zero block counter. */
    static byte[] counterBlock(byte[] iv) {
        byte[] block = new byte[16];
        System.arraycopy(iv, 0, block, 0, iv.length);
        return block;
    }

    private static void putLong(byte[] out, int offset, long v) {
        for (int i = 0; i < 8; i++) {
            out[offset + i] = (byte) (v >>> (56 - 8 * i));
        }
    }
}
