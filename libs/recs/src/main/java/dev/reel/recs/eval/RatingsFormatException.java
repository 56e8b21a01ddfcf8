package dev.reel.recs.eval;

/** A ratings file line that cannot be read; the message names the source and the line number. */
public final class RatingsFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int line;

    RatingsFormatException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.line = line;
    }

    /** The 1-based number of the bad line. */
    public int line() {
        return line;
    }
}
