package dev.reel.recs.eval;

import dev.reel.recs.InteractionMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable list of (user, item, rating, timestamp) interactions, with users and items numbered densely in order of
 * first appearance ({@code 0..users-1}, {@code 0..items-1}) and their original ids kept.
 */
public final class Ratings {

    private final int[] users;
    private final int[] items;
    private final float[] ratings;
    private final long[] timestamps;
    private final List<String> userIds;
    private final List<String> itemIds;

    private Ratings(Builder builder) {
        int size = builder.size;
        this.users = Arrays.copyOf(builder.users, size);
        this.items = Arrays.copyOf(builder.items, size);
        this.ratings = Arrays.copyOf(builder.ratings, size);
        this.timestamps = Arrays.copyOf(builder.timestamps, size);
        this.userIds = List.copyOf(builder.userIds);
        this.itemIds = List.copyOf(builder.itemIds);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of interactions (lines). */
    public int size() {
        return users.length;
    }

    /** Number of distinct users. */
    public int users() {
        return userIds.size();
    }

    /** Number of distinct items. */
    public int items() {
        return itemIds.size();
    }

    /** The user index of interaction {@code k}. */
    public int user(int k) {
        return users[k];
    }

    /** The item index of interaction {@code k}. */
    public int item(int k) {
        return items[k];
    }

    /** The rating (strength) of interaction {@code k}. */
    public float rating(int k) {
        return ratings[k];
    }

    /** The timestamp of interaction {@code k}. */
    public long timestamp(int k) {
        return timestamps[k];
    }

    /** The original id of user index {@code user}. */
    public String userId(int user) {
        return userIds.get(user);
    }

    /** The original id of item index {@code item}. */
    public String itemId(int item) {
        return itemIds.get(item);
    }

    /** All interactions as a matrix, ratings as strengths (repeated pairs summed). */
    public InteractionMatrix toMatrix() {
        InteractionMatrix.Builder matrix = InteractionMatrix.builder(users(), items());
        for (int k = 0; k < size(); k++) {
            matrix.add(users[k], items[k], ratings[k]);
        }
        return matrix.build();
    }

    /** Collects interactions; not thread-safe. */
    public static final class Builder {

        private final Map<String, Integer> userIndex = new HashMap<>();
        private final Map<String, Integer> itemIndex = new HashMap<>();
        private final List<String> userIds = new ArrayList<>();
        private final List<String> itemIds = new ArrayList<>();
        private int size;
        private int[] users = new int[1024];
        private int[] items = new int[1024];
        private float[] ratings = new float[1024];
        private long[] timestamps = new long[1024];

        private Builder() {}

        /**
         * Adds one interaction.
         *
         * @throws IllegalArgumentException if an id is blank or the rating is negative, NaN or infinite
         * @return this builder
         */
        public Builder add(String userId, String itemId, float rating, long timestamp) {
            if (userId.isBlank() || itemId.isBlank()) {
                throw new IllegalArgumentException("user and item ids must not be blank");
            }
            if (!(rating >= 0) || Float.isInfinite(rating)) {
                throw new IllegalArgumentException("rating must be finite and >= 0, got " + rating);
            }
            if (size == users.length) {
                int capacity = size * 2;
                users = Arrays.copyOf(users, capacity);
                items = Arrays.copyOf(items, capacity);
                ratings = Arrays.copyOf(ratings, capacity);
                timestamps = Arrays.copyOf(timestamps, capacity);
            }
            users[size] = index(userIndex, userIds, userId);
            items[size] = index(itemIndex, itemIds, itemId);
            ratings[size] = rating;
            timestamps[size] = timestamp;
            size++;
            return this;
        }

        /** The ratings added so far. */
        public Ratings build() {
            return new Ratings(this);
        }

        private static int index(Map<String, Integer> index, List<String> ids, String id) {
            Integer known = index.get(id);
            if (known != null) {
                return known;
            }
            int next = ids.size();
            index.put(id, next);
            ids.add(id);
            return next;
        }
    }
}
