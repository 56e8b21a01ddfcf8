package dev.reel.edge.steering;

import java.util.Locale;

/** The kind of appliance, as steering's planner sizes it. */
public enum Tier {
    /** Small, fast: holds the most popular titles and serves most of the traffic. */
    FLASH,
    /** Large, slower: holds a deeper catalogue. */
    STORAGE;

    /**
     * Parses {@code FLASH} or {@code STORAGE}, ignoring case.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Tier parse(String value) {
        return switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "FLASH" -> FLASH;
            case "STORAGE" -> STORAGE;
            default -> throw new IllegalArgumentException("expected FLASH or STORAGE, got '" + value + "'");
        };
    }
}
