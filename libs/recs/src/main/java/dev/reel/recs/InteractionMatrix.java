package dev.reel.recs;

import java.util.Arrays;

/**
 * An immutable sparse users × items matrix of implicit-feedback strengths (how much a user watched an item), held in
 * compressed sparse rows twice: by user (items of each user, ascending) and by item (users of each item, ascending).
 * Users and items are dense indices {@code 0..users-1} and {@code 0..items-1}; mapping real ids to indices is the
 * caller's job.
 */
public final class InteractionMatrix {

    private final int users;
    private final int items;
    // By user: row u holds userItems[userStart[u] .. userStart[u+1]), with strengths userValues at the same positions.
    private final int[] userStart;
    private final int[] userItems;
    private final float[] userValues;
    // By item: column i holds itemUsers[itemStart[i] .. itemStart[i+1]).
    private final int[] itemStart;
    private final int[] itemUsers;
    private final float[] itemValues;

    private InteractionMatrix(int users, int items, int[] userStart, int[] userItems, float[] userValues) {
        this.users = users;
        this.items = items;
        this.userStart = userStart;
        this.userItems = userItems;
        this.userValues = userValues;
        int nonZeros = userItems.length;
        this.itemStart = new int[items + 1];
        for (int k = 0; k < nonZeros; k++) {
            itemStart[userItems[k] + 1]++;
        }
        for (int i = 0; i < items; i++) {
            itemStart[i + 1] += itemStart[i];
        }
        this.itemUsers = new int[nonZeros];
        this.itemValues = new float[nonZeros];
        int[] next = Arrays.copyOf(itemStart, items);
        for (int u = 0; u < users; u++) {
            for (int k = userStart[u]; k < userStart[u + 1]; k++) {
                int position = next[userItems[k]]++;
                itemUsers[position] = u;
                itemValues[position] = userValues[k];
            }
        }
    }

    /**
     * A builder for a matrix of the given shape.
     *
     * @throws IllegalArgumentException if {@code users} or {@code items} is negative
     */
    public static Builder builder(int users, int items) {
        return new Builder(users, items);
    }

    /** Number of users (rows). */
    public int users() {
        return users;
    }

    /** Number of items (columns). */
    public int items() {
        return items;
    }

    /** Number of stored (user, item) pairs; duplicates given to the builder count once. */
    public int nonZeros() {
        return userItems.length;
    }

    /** Number of items {@code user} interacted with. */
    public int userCount(int user) {
        checkUser(user);
        return userStart[user + 1] - userStart[user];
    }

    /** Number of users who interacted with {@code item}. */
    public int itemCount(int item) {
        checkItem(item);
        return itemStart[item + 1] - itemStart[item];
    }

    /** The items of {@code user}, ascending (a copy). */
    public int[] itemsOf(int user) {
        checkUser(user);
        return Arrays.copyOfRange(userItems, userStart[user], userStart[user + 1]);
    }

    /** The strengths of {@code user}'s items, in the order of {@link #itemsOf(int)} (a copy). */
    public float[] strengthsOf(int user) {
        checkUser(user);
        return Arrays.copyOfRange(userValues, userStart[user], userStart[user + 1]);
    }

    /** Whether {@code user} interacted with {@code item}. */
    public boolean contains(int user, int item) {
        checkUser(user);
        checkItem(item);
        return Arrays.binarySearch(userItems, userStart[user], userStart[user + 1], item) >= 0;
    }

    int[] userStart() {
        return userStart;
    }

    int[] userItems() {
        return userItems;
    }

    float[] userValues() {
        return userValues;
    }

    int[] itemStart() {
        return itemStart;
    }

    int[] itemUsers() {
        return itemUsers;
    }

    float[] itemValues() {
        return itemValues;
    }

    private void checkUser(int user) {
        if (user < 0 || user >= users) {
            throw new IndexOutOfBoundsException("user " + user + " not in [0, " + users + ")");
        }
    }

    private void checkItem(int item) {
        if (item < 0 || item >= items) {
            throw new IndexOutOfBoundsException("item " + item + " not in [0, " + items + ")");
        }
    }

    /** Collects (user, item, strength) triples; strengths of the same pair are summed. Not thread-safe. */
    public static final class Builder {

        private final int users;
        private final int items;
        private int size;
        private int[] rowOf = new int[1024];
        private int[] columnOf = new int[1024];
        private float[] valueOf = new float[1024];

        private Builder(int users, int items) {
            if (users < 0 || items < 0) {
                throw new IllegalArgumentException("users and items must be >= 0, got " + users + " x " + items);
            }
            this.users = users;
            this.items = items;
        }

        /**
         * Adds {@code strength} to the pair (user, item).
         *
         * @throws IndexOutOfBoundsException if user or item is outside the shape
         * @throws IllegalArgumentException if strength is negative, NaN or infinite
         * @return this builder
         */
        public Builder add(int user, int item, float strength) {
            if (user < 0 || user >= users) {
                throw new IndexOutOfBoundsException("user " + user + " not in [0, " + users + ")");
            }
            if (item < 0 || item >= items) {
                throw new IndexOutOfBoundsException("item " + item + " not in [0, " + items + ")");
            }
            if (!(strength >= 0) || Float.isInfinite(strength)) {
                throw new IllegalArgumentException("strength must be finite and >= 0, got " + strength);
            }
            if (size == rowOf.length) {
                int capacity = size * 2;
                rowOf = Arrays.copyOf(rowOf, capacity);
                columnOf = Arrays.copyOf(columnOf, capacity);
                valueOf = Arrays.copyOf(valueOf, capacity);
            }
            rowOf[size] = user;
            columnOf[size] = item;
            valueOf[size] = strength;
            size++;
            return this;
        }

        /** Builds the matrix (two stable counting sorts, then duplicates merged); the builder stays usable. */
        public InteractionMatrix build() {
            // Radix sort by (user, item): a stable counting sort by item, then one by user.
            int[] byItem = countingOrder(columnOf, items, identity(size));
            int[] order = countingOrder(rowOf, users, byItem);
            int[] userStart = new int[users + 1];
            int[] userItems = new int[size];
            float[] userValues = new float[size];
            int stored = 0;
            int lastUser = -1;
            int lastItem = -1;
            for (int k = 0; k < size; k++) {
                int entry = order[k];
                int user = rowOf[entry];
                int item = columnOf[entry];
                if (user == lastUser && item == lastItem) {
                    userValues[stored - 1] += valueOf[entry];
                } else {
                    userItems[stored] = item;
                    userValues[stored] = valueOf[entry];
                    userStart[user + 1]++;
                    stored++;
                    lastUser = user;
                    lastItem = item;
                }
            }
            for (int u = 0; u < users; u++) {
                userStart[u + 1] += userStart[u];
            }
            return new InteractionMatrix(
                    users, items, userStart, Arrays.copyOf(userItems, stored), Arrays.copyOf(userValues, stored));
        }

        private int[] identity(int n) {
            int[] order = new int[n];
            for (int k = 0; k < n; k++) {
                order[k] = k;
            }
            return order;
        }

        /** {@code input} reordered stably by {@code keys[input[k]]}, keys in {@code [0, range)}. */
        private int[] countingOrder(int[] keys, int range, int[] input) {
            int[] start = new int[range + 1];
            for (int k = 0; k < size; k++) {
                start[keys[input[k]] + 1]++;
            }
            for (int r = 0; r < range; r++) {
                start[r + 1] += start[r];
            }
            int[] output = new int[size];
            for (int k = 0; k < size; k++) {
                int entry = input[k];
                output[start[keys[entry]]++] = entry;
            }
            return output;
        }
    }
}
