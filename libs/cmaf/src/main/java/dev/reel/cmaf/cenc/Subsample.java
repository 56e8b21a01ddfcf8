package dev.reel.cmaf.cenc;

/**
 * One subsample entry of a {@code senc} box: {@code clearBytes} left in the clear, then {@code
 * protectedBytes} encrypted. In the 'cenc' scheme the protected ranges of one sample form a single
 * AES-CTR stream.
 *
 * @param clearBytes 0..65535
 * @param protectedBytes 0..2^32-1
 */
public record Subsample(int clearBytes, long protectedBytes) {

    public Subsample {
        if (clearBytes < 0 || clearBytes > 0xFFFF) {
            throw new IllegalArgumentException("clearBytes out of range: " + clearBytes);
        }
        if (protectedBytes < 0 || protectedBytes > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("protectedBytes out of range: " + protectedBytes);
        }
    }
}
