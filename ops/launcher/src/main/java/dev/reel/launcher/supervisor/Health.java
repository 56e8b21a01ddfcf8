package dev.reel.launcher.supervisor;

/** The answer of one {@code /actuator/health} probe. */
public enum Health {
    /** 200 with status {@code UP}. */
    UP,
    /** The server answered, but not 200/{@code UP} (starting, or a component is down). */
    DOWN,
    /** No answer: nothing listens, or it did not answer within the timeout. */
    UNREACHABLE
}
