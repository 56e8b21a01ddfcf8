package dev.reel.search.index;

import com.fasterxml.jackson.annotation.JsonValue;

/** A field a query matched a title on, reported to clients so they can say why a title is listed. */
public enum MatchedField {
    NAME("name"),
    CAST("cast"),
    GENRE("genre"),
    SYNOPSIS("synopsis");

    private final String label;

    MatchedField(String label) {
        this.label = label;
    }

    /** The label in JSON: {@code name}, {@code cast}, {@code genre} or {@code synopsis}. */
    @JsonValue
    public String label() {
        return label;
    }
}
