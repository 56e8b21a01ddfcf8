package dev.reel.cmaf.box;

import java.util.Arrays;

/** A box kept as its payload bytes (everything after the header). Immutable. */
public final class LeafBox implements Box {

    private final String type;
    private final byte[] payload;
    private final boolean largeSize;
    private final long size;

    private LeafBox(String type, byte[] payload, boolean largeSize) {
        this.type = FourCc.require(type);
        this.payload = payload;
        this.largeSize = largeSize;
        this.size = Box.sizeFor(type, payload.length, largeSize);
    }

    /** A new box with a compact header; {@code payload} is copied. */
    public static LeafBox of(String type, byte[] payload) {
        return new LeafBox(type, payload.clone(), false);
    }

    /** For the parser and typed writers: takes ownership of {@code payload} without copying. */
    static LeafBox wrap(String type, byte[] payload, boolean largeSize) {
        return new LeafBox(type, payload, largeSize);
    }

    /** A new box of {@code type} holding what {@code writer} wrote. */
    public static LeafBox of(String type, PayloadWriter writer) {
        return new LeafBox(type, writer.toByteArray(), false);
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public boolean largeSize() {
        return largeSize;
    }

    /** A copy of the payload. */
    public byte[] payload() {
        return payload.clone();
    }

    public int payloadSize() {
        return payload.length;
    }

    /** The payload itself; callers in this package must not modify it. */
    byte[] payloadView() {
        return payload;
    }

    @Override
    public void writeTo(PayloadWriter out) {
        Box.writeHeader(out, type, size, largeSize);
        out.bytes(payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeafBox other
                && type.equals(other.type)
                && largeSize == other.largeSize
                && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return type + "[" + size + "]";
    }
}
