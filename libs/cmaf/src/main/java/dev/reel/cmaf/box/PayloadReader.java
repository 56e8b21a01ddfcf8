package dev.reel.cmaf.box;

import java.util.Arrays;

/**
 * A bounds-checked big-endian reader over a slice of a byte array. Every read that would pass the
 * end of the slice throws {@link MalformedBoxException} naming {@code what}, so parsers built on
 * it cannot read out of bounds and cannot allocate more than the slice holds. Not thread-safe.
 */
public final class PayloadReader {

    private final byte[] data;
    private final int start;
    private final int end;
    private final String what;
    private int pos;

    /**
     * @param data the bytes, not copied
     * @param offset first byte of the slice
     * @param length slice length
     * @param what a short name for error messages, e.g. {@code "'trun' payload"}
     */
    public PayloadReader(byte[] data, int offset, int length, String what) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IllegalArgumentException("Slice [" + offset + ", +" + length + ") outside " + data.length);
        }
        this.data = data;
        this.start = offset;
        this.end = offset + length;
        this.pos = offset;
        this.what = what;
    }

    /** A reader over the payload of {@code box} (everything after its header). */
    public static PayloadReader of(LeafBox box) {
        byte[] payload = box.payloadView();
        return new PayloadReader(payload, 0, payload.length, "'" + box.type() + "' payload");
    }

    /** Bytes read so far. */
    public int position() {
        return pos - start;
    }

    public int remaining() {
        return end - pos;
    }

    /**
     * Fails unless {@code count} more bytes are available.
     *
     * @throws MalformedBoxException if they are not
     */
    public void require(long count) {
        if (count < 0 || count > end - pos) {
            throw new MalformedBoxException(what + " truncated: needs " + count + " more bytes at offset " + position()
                    + ", has " + remaining());
        }
    }

    public int u8() {
        require(1);
        return data[pos++] & 0xFF;
    }

    public int u16() {
        require(2);
        int v = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    public int u24() {
        require(3);
        int v = ((data[pos] & 0xFF) << 16) | ((data[pos + 1] & 0xFF) << 8) | (data[pos + 2] & 0xFF);
        pos += 3;
        return v;
    }

    /** An unsigned 32-bit value. */
    public long u32() {
        return s32() & 0xFFFF_FFFFL;
    }

    /** A signed 32-bit value. */
    public int s32() {
        require(4);
        int v = ((data[pos] & 0xFF) << 24)
                | ((data[pos + 1] & 0xFF) << 16)
                | ((data[pos + 2] & 0xFF) << 8)
                | (data[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    /**
     * An unsigned 64-bit value that must fit in a signed {@code long}.
     *
     * @throws MalformedBoxException if it does not (no real offset or duration comes close)
     */
    public long u64() {
        long v = (u32() << 32) | u32();
        if (v < 0) {
            throw new MalformedBoxException(what + ": 64-bit value at offset " + (position() - 8) + " is too large");
        }
        return v;
    }

    public String fourCc() {
        require(4);
        String v = FourCc.decode(data, pos);
        pos += 4;
        return v;
    }

    public byte[] bytes(int count) {
        require(count);
        byte[] v = Arrays.copyOfRange(data, pos, pos + count);
        pos += count;
        return v;
    }

    /** Everything left in the slice. */
    public byte[] rest() {
        return bytes(remaining());
    }

    public void skip(int count) {
        require(count);
        pos += count;
    }
}
