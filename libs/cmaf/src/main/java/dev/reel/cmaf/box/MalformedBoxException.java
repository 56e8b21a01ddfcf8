package dev.reel.cmaf.box;

import java.io.Serial;

/**
 * Thrown when bytes are not the ISO BMFF structure they claim to be: a box size that is too small
 * or runs past its parent, a truncated field, a count that cannot fit in the data, or nesting
 * deeper than any real file uses. The message names the box and, where known, its offset.
 */
public final class MalformedBoxException extends IllegalArgumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    public MalformedBoxException(String message) {
        super(message);
    }
}
