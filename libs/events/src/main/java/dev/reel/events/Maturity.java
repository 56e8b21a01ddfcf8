package dev.reel.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Maturity ratings, ordered from suitable for everyone to adults only. A profile has a ceiling; a title
 * is visible to the profile when its rating is at or below that ceiling.
 */
public enum Maturity {
    ALL("ALL"),
    SEVEN_PLUS("7+"),
    THIRTEEN_PLUS("13+"),
    SIXTEEN_PLUS("16+"),
    EIGHTEEN_PLUS("18+");

    private final String label;

    Maturity(String label) {
        this.label = label;
    }

    /** The label used in JSON and storage, such as {@code "13+"}. */
    public String label() {
        return label;
    }

    /** Whether a title rated {@code this} may be shown under {@code ceiling}. */
    public boolean allowedUnder(Maturity ceiling) {
        return compareTo(ceiling) <= 0;
    }

    /** The rating with this label or constant name, or empty when there is none. */
    public static Optional<Maturity> fromLabel(String label) {
        return Arrays.stream(values())
                .filter(m -> m.label.equalsIgnoreCase(label) || m.name().equalsIgnoreCase(label))
                .findFirst();
    }
}
