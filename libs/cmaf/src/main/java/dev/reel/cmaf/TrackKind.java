package dev.reel.cmaf;

/** What a track carries, from its handler type. */
public enum TrackKind {
    /** Handler {@code vide}. */
    VIDEO,
    /** Handler {@code soun}. */
    AUDIO,
    /** Anything else: subtitles, metadata, hints. */
    OTHER;

    /** The kind for a handler type from {@code hdlr}. */
    public static TrackKind ofHandler(String handlerType) {
        return switch (handlerType) {
            case "vide" -> VIDEO;
            case "soun" -> AUDIO;
            default -> OTHER;
        };
    }
}
