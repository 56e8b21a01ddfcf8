package dev.reel.identity.profile;

/** Validation patterns shared by the profile requests. */
final class ProfileConstraints {

    /** A BCP 47-like tag: a 2–3 letter language, then up to three subtags ({@code en}, {@code pt-BR}). */
    static final String LANGUAGE = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}";

    /** A short id of a built-in avatar. */
    static final String AVATAR = "[a-z0-9][a-z0-9_-]{0,31}";

    /** A {@link dev.reel.events.Maturity} label. */
    static final String MATURITY = "ALL|7\\+|13\\+|16\\+|18\\+";

    /** At least one non-blank character. */
    static final String NOT_BLANK = "(?s).*\\S.*";

    static final int NAME_MAX = 40;

    private ProfileConstraints() {}
}
