package dev.reel.steering.fill;

/** What started a planning run. */
public enum PlanTrigger {
    /** An admin asked ({@code POST /api/v1/cdn/fill}, {@code reel cdn fill}). */
    ON_DEMAND,
    /** The daily off-peak window opened. */
    OFF_PEAK
}
