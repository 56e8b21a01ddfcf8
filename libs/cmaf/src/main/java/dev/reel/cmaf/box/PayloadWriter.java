package dev.reel.cmaf.box;

import java.util.Arrays;

/** A growable big-endian byte sink for box payloads and whole files. Not thread-safe. */
public final class PayloadWriter {

    private byte[] buf;
    private int size;

    public PayloadWriter() {
        this(256);
    }

    public PayloadWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public int size() {
        return size;
    }

    private void ensure(int more) {
        if (more > Integer.MAX_VALUE - 16 - size) {
            throw new IllegalStateException("Output larger than a Java array");
        }
        int needed = size + more;
        if (needed > buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 16L, Math.max(needed, 2L * buf.length)));
        }
    }

    public PayloadWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    public PayloadWriter u16(int v) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException("Not an unsigned 16-bit value: " + v);
        }
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    public PayloadWriter u24(int v) {
        if (v < 0 || v > 0xFF_FFFF) {
            throw new IllegalArgumentException("Not an unsigned 24-bit value: " + v);
        }
        ensure(3);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    /** Writes the low 32 bits of {@code v}; {@code v} must be in [-2^31, 2^32). */
    public PayloadWriter u32(long v) {
        if (v < Integer.MIN_VALUE || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("Does not fit in 32 bits: " + v);
        }
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    public PayloadWriter u64(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    public PayloadWriter fourCc(String code) {
        return bytes(FourCc.encode(code));
    }

    public PayloadWriter bytes(byte[] v) {
        return bytes(v, 0, v.length);
    }

    public PayloadWriter bytes(byte[] v, int offset, int length) {
        ensure(length);
        System.arraycopy(v, offset, buf, size, length);
        size += length;
        return this;
    }

    /** Writes the version byte and 24-bit flags of a full box. */
    public PayloadWriter versionAndFlags(int version, int flags) {
        return u8(version).u24(flags);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
