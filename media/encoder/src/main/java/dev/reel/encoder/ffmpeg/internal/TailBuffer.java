package dev.reel.encoder.ffmpeg.internal;

/**
 * Keeps the last {@code capacity} characters appended to it, dropping older ones. Thread-safe: one thread appends
 * while another reads the result after the writer finished.
 */
public final class TailBuffer {

    private final char[] ring;
    private long written;

    /** @param capacity how many characters to keep; must be positive */
    public TailBuffer(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.ring = new char[capacity];
    }

    public synchronized void append(char[] chars, int offset, int length) {
        int start = Math.max(0, length - ring.length);
        written += start;
        for (int i = start; i < length; i++) {
            ring[(int) (written % ring.length)] = chars[offset + i];
            written++;
        }
    }

    /** Whether characters were dropped because more than the capacity was appended. */
    public synchronized boolean truncated() {
        return written > ring.length;
    }

    /** The kept characters, oldest first. */
    @Override
    public synchronized String toString() {
        if (written <= ring.length) {
            return new String(ring, 0, (int) written);
        }
        int head = (int) (written % ring.length);
        return new String(ring, head, ring.length - head) + new String(ring, 0, head);
    }
}
