package dev.reel.recs.eval;

import dev.reel.recs.InteractionMatrix;
import java.util.Arrays;

/** The non-personalised baseline: every user gets the items with the most distinct users in training. */
public final class PopularityBaseline {

    private final float[] popularity;

    private PopularityBaseline(float[] popularity) {
        this.popularity = popularity;
    }

    /** Counts each item's users in {@code train}. */
    public static PopularityBaseline fit(InteractionMatrix train) {
        float[] popularity = new float[train.items()];
        for (int item = 0; item < popularity.length; item++) {
            popularity[item] = train.itemCount(item);
        }
        return new PopularityBaseline(popularity);
    }

    /** Every item's number of users, indexed by item (a copy). */
    public float[] scores() {
        return Arrays.copyOf(popularity, popularity.length);
    }

    /** The baseline as a {@link Metrics.Scorer}: the same scores for every user. */
    public Metrics.Scorer scorer() {
        return (user, into) -> System.arraycopy(popularity, 0, into, 0, popularity.length);
    }
}
