package dev.reel.origin.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads at most a fixed number of bytes from an underlying stream, and closes it on close. */
public final class BoundedInputStream extends FilterInputStream {

    private long remaining;

    /** Limits {@code in} to {@code limit} bytes. */
    public BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.remaining = limit;
    }

    /**
     * Checks a byte range against an object size.
     *
     * @throws IllegalArgumentException if {@code [offset, offset + length)} is not within {@code [0, size)}
     */
    public static void checkRange(long size, long offset, long length) {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw new IllegalArgumentException(
                    "Range offset=" + offset + " length=" + length + " is outside an object of " + size + " bytes");
        }
    }

    @Override
    public int read() throws IOException {
        if (remaining <= 0) {
            return -1;
        }
        int b = super.read();
        if (b >= 0) {
            remaining--;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (remaining <= 0) {
            return length == 0 ? 0 : -1;
        }
        int n = super.read(buffer, offset, (int) Math.min(length, remaining));
        if (n > 0) {
            remaining -= n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, remaining));
        remaining -= skipped;
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(super.available(), remaining);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
