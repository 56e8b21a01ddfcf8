package dev.reel.cmaf.box;

/**
 * One ISO BMFF box: immutable, and written back exactly as parsed unless replaced. A box is either
 * a {@link LeafBox} (opaque payload bytes) or a {@link ContainerBox} (fixed prefix fields followed
 * by child boxes).
 */
public sealed interface Box permits LeafBox, ContainerBox {

    /** The largest box this model holds; Java arrays bound a whole file anyway. */
    long MAX_SIZE = Integer.MAX_VALUE - 64L;

    /** The four-character type, e.g. {@code "moof"}. For {@code uuid} boxes the user type is in the payload. */
    String type();

    /** Encoded size in bytes, header included. */
    long size();

    /**
     * Whether the header uses the 64-bit {@code largesize} form. Parsing keeps the form it found, so
     * a box written with a 16-byte header comes back with one; new boxes use the compact form.
     */
    boolean largeSize();

    /** Header length: 8, or 16 with {@link #largeSize()}. */
    default int headerSize() {
        return largeSize() ? 16 : 8;
    }

    /** Appends the encoded box to {@code out}. */
    void writeTo(PayloadWriter out);

    /** Writes a box header for a box of {@code size} bytes. */
    static void writeHeader(PayloadWriter out, String type, long size, boolean largeSize) {
        if (largeSize) {
            out.u32(1).fourCc(type).u64(size);
        } else {
            out.u32(size).fourCc(type);
        }
    }

    /** Total size of a box whose content (after the header) is {@code contentSize} bytes. */
    static long sizeFor(String type, long contentSize, boolean largeSize) {
        long size = contentSize + (largeSize ? 16 : 8);
        if (size > MAX_SIZE) {
            throw new IllegalArgumentException("Box '" + type + "' of " + size + " bytes is too large");
        }
        return size;
    }
}
