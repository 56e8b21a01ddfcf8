package dev.reel.launcher.topology;

/** The two local availability zones. Instances alternate between them so zone-aware routing can be exercised. */
public enum Zone {
    ZONE_A("zone-a"),
    ZONE_B("zone-b");

    private final String id;

    Zone(String id) {
        this.id = id;
    }

    /**
     * Returns the zone of instance {@code index}: even indexes go to {@code zone-a}, odd ones to {@code zone-b}.
     *
     * @throws IllegalArgumentException if {@code index} is negative
     */
    public static Zone forIndex(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("instance index must not be negative: " + index);
        }
        return index % 2 == 0 ? ZONE_A : ZONE_B;
    }

    /** The zone id as passed to services in {@code -Dreel.zone}, e.g. {@code zone-a}. */
    public String id() {
        return id;
    }
}
