package dev.reel.personalization.home;

/** The kinds of home rows; a row's id starts with its kind's prefix. */
public enum RowKind {
    /** {@code continue-watching}: titles in progress, from viewing. */
    CONTINUE_WATCHING,
    /** {@code top-picks}: the model's best scores for the profile. */
    TOP_PICKS,
    /** {@code because-you-watched:<titleId>}: titles whose factors are closest to a recent watch. */
    BECAUSE_YOU_WATCHED,
    /** {@code trending}: time-decayed starts. */
    TRENDING,
    /** {@code new-releases}: most recently published. */
    NEW_RELEASES,
    /** {@code genre:<slug>}: a genre's titles ranked for the profile. */
    GENRE
}
