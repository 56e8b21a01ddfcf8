package dev.reel.recs.eval;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A generated dataset with planted taste clusters: users and items are dealt round-robin into {@code clusters}
 * clusters (then shuffled), every item has a global popularity that falls off as {@code 1 / rank^skew}, and each of a
 * user's interactions picks, with probability {@code inClusterShare}, an item of the user's own cluster, otherwise
 * any item, popularity-weighted both times and never an item the user already has. Interactions of a user are spaced
 * in time (so the last one is a fair leave-last-out target), and their strength mimics a watch fraction: mostly high
 * in the user's cluster (0.4–1), low outside it (0.05–0.55). Users get a log-normal number of interactions (at least
 * 2). The same settings and seed give the same data.
 */
public final class SyntheticRatings {

    private static final long START_SECONDS = 1_767_225_600L; // 2026-01-01T00:00:00Z

    private final Ratings ratings;
    private final int clusters;
    private final int[] userCluster;
    private final int[] itemCluster;

    private SyntheticRatings(Ratings ratings, int clusters, int[] userCluster, int[] itemCluster) {
        this.ratings = ratings;
        this.clusters = clusters;
        this.userCluster = userCluster;
        this.itemCluster = itemCluster;
    }

    /**
     * Defaults: 2,000 users, 1,500 items, 20 clusters, 100,000 interactions, in-cluster share 0.8, popularity skew
     * 1.0 (Zipf), seed 42.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The generated interactions. User and item ids are the generator's 1-based numbers as strings; indices are in
     * order of first appearance, as {@link RatingsFile#read} would number them.
     */
    public Ratings ratings() {
        return ratings;
    }

    /** Number of planted clusters. */
    public int clusters() {
        return clusters;
    }

    /** The planted cluster of user index {@code user} (an index of {@link #ratings()}). */
    public int userCluster(int user) {
        return userCluster[user];
    }

    /** The planted cluster of item index {@code item} (an index of {@link #ratings()}). */
    public int itemCluster(int item) {
        return itemCluster[item];
    }

    /** Writes the interactions as a ratings file. */
    public void write(Path file) {
        RatingsFile.write(file, ratings);
    }

    /** Settings of a generated dataset; setters validate at once. Not thread-safe. */
    public static final class Builder {

        private int users = 2_000;
        private int items = 1_500;
        private int clusters = 20;
        private int interactions = 100_000;
        private double inClusterShare = 0.8;
        private double popularitySkew = 1.0;
        private long seed = 42;

        private Builder() {}

        /**
         * Number of users, at least 1.
         *
         * @throws IllegalArgumentException otherwise
         */
        public Builder users(int users) {
            this.users = atLeast("users", users, 1);
            return this;
        }

        /**
         * Number of items, at least 4.
         *
         * @throws IllegalArgumentException otherwise
         */
        public Builder items(int items) {
            this.items = atLeast("items", items, 4);
            return this;
        }

        /**
         * Number of taste clusters, at least 1 (and at most the item count, checked by {@link #build()}).
         *
         * @throws IllegalArgumentException otherwise
         */
        public Builder clusters(int clusters) {
            this.clusters = atLeast("clusters", clusters, 1);
            return this;
        }

        /**
         * Target number of interactions, at least 2 per user (checked by {@link #build()}); each user has at most a
         * quarter of the catalog, so the result can fall short of a target that would need more.
         *
         * @throws IllegalArgumentException if below 2
         */
        public Builder interactions(int interactions) {
            this.interactions = atLeast("interactions", interactions, 2);
            return this;
        }

        /**
         * Probability that an interaction is drawn from the user's own cluster, in [0, 1].
         *
         * @throws IllegalArgumentException otherwise
         */
        public Builder inClusterShare(double share) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("inClusterShare must be in [0, 1], got " + share);
            }
            this.inClusterShare = share;
            return this;
        }

        /**
         * Exponent of the popularity fall-off {@code 1 / rank^skew}, in [0, 3] (0: uniform).
         *
         * @throws IllegalArgumentException otherwise
         */
        public Builder popularitySkew(double skew) {
            if (!(skew >= 0 && skew <= 3)) {
                throw new IllegalArgumentException("popularitySkew must be in [0, 3], got " + skew);
            }
            this.popularitySkew = skew;
            return this;
        }

        /** Seed of every random choice. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Generates the dataset.
         *
         * @throws IllegalArgumentException if there are more clusters than items or fewer than 2 interactions per
         *     user
         */
        public SyntheticRatings build() {
            if (clusters > items) {
                throw new IllegalArgumentException("clusters (" + clusters + ") must not exceed items (" + items + ")");
            }
            if (interactions < 2L * users) {
                throw new IllegalArgumentException(
                        "interactions (" + interactions + ") must be at least 2 per user (" + 2L * users + ")");
            }
            return new Generator(this).generate();
        }

        private static int atLeast(String name, int value, int minimum) {
            if (value < minimum) {
                throw new IllegalArgumentException(name + " must be >= " + minimum + ", got " + value);
            }
            return value;
        }
    }

    /** One generation run. */
    private static final class Generator {

        private final Builder settings;
        private final SplittableRandom random;

        Generator(Builder settings) {
            this.settings = settings;
            this.random = new SplittableRandom(settings.seed);
        }

        SyntheticRatings generate() {
            int users = settings.users;
            int items = settings.items;
            int clusters = settings.clusters;
            int[] userCluster = dealt(users, clusters);
            int[] itemCluster = dealt(items, clusters);
            // Popularity: a random rank per item, weight 1 / (rank + 1)^skew.
            int[] rank = shuffled(identity(items));
            double[] weight = new double[items];
            for (int item = 0; item < items; item++) {
                weight[item] = Math.pow(rank[item] + 1, -settings.popularitySkew);
            }
            double[] global = cumulative(identity(items), weight);
            int[][] members = new int[clusters][];
            double[][] inCluster = new double[clusters][];
            for (int cluster = 0; cluster < clusters; cluster++) {
                int count = 0;
                for (int item = 0; item < items; item++) {
                    if (itemCluster[item] == cluster) {
                        count++;
                    }
                }
                members[cluster] = new int[count];
                int next = 0;
                for (int item = 0; item < items; item++) {
                    if (itemCluster[item] == cluster) {
                        members[cluster][next++] = item;
                    }
                }
                inCluster[cluster] = cumulative(members[cluster], weight);
            }
            int[] counts = perUserCounts(users, Math.max(2, items / 4));
            Ratings.Builder ratings = Ratings.builder();
            int[] owner = new int[items];
            Arrays.fill(owner, -1);
            for (int user = 0; user < users; user++) {
                int cluster = userCluster[user];
                long time = START_SECONDS + random.nextLong(30L * 86_400);
                for (int k = 0; k < counts[user]; k++) {
                    boolean fromCluster = random.nextDouble() < settings.inClusterShare;
                    int item = -1;
                    for (int attempt = 0; attempt < 32 && item < 0; attempt++) {
                        int candidate = fromCluster ? members[cluster][pick(inCluster[cluster])] : pick(global);
                        if (owner[candidate] != user) {
                            item = candidate;
                        }
                    }
                    if (item < 0) {
                        item = unseen(owner, user);
                    }
                    owner[item] = user;
                    boolean ownTaste = itemCluster[item] == cluster;
                    double strength =
                            ownTaste ? 0.4 + 0.6 * Math.sqrt(random.nextDouble()) : 0.05 + 0.5 * random.nextDouble();
                    time += 600 + (long) (-Math.log(1 - random.nextDouble()) * 86_400);
                    ratings.add(
                            Integer.toString(user + 1),
                            Integer.toString(item + 1),
                            Math.round(strength * 1000) / 1000f,
                            time);
                }
            }
            Ratings built = ratings.build();
            int[] userClusterByIndex = new int[built.users()];
            for (int user = 0; user < built.users(); user++) {
                userClusterByIndex[user] = userCluster[Integer.parseInt(built.userId(user)) - 1];
            }
            int[] itemClusterByIndex = new int[built.items()];
            for (int item = 0; item < built.items(); item++) {
                itemClusterByIndex[item] = itemCluster[Integer.parseInt(built.itemId(item)) - 1];
            }
            return new SyntheticRatings(built, clusters, userClusterByIndex, itemClusterByIndex);
        }

        /** Log-normal interaction counts summing to the target (as far as the per-user cap allows). */
        private int[] perUserCounts(int users, int cap) {
            double[] weight = new double[users];
            double total = 0;
            for (int user = 0; user < users; user++) {
                weight[user] = Math.exp(0.6 * gaussian());
                total += weight[user];
            }
            int[] counts = new int[users];
            long sum = 0;
            for (int user = 0; user < users; user++) {
                counts[user] = Math.min(cap, Math.max(2, (int) (settings.interactions * weight[user] / total)));
                sum += counts[user];
            }
            long room = (long) users * cap - sum;
            for (long missing = Math.min(settings.interactions - sum, room); missing > 0; ) {
                int user = random.nextInt(users);
                if (counts[user] < cap) {
                    counts[user]++;
                    missing--;
                }
            }
            return counts;
        }

        private double gaussian() {
            double u = 1 - random.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
        }

        private int unseen(int[] owner, int user) {
            int start = random.nextInt(owner.length);
            for (int k = 0; k < owner.length; k++) {
                int item = (start + k) % owner.length;
                if (owner[item] != user) {
                    return item;
                }
            }
            throw new IllegalStateException("user " + user + " has every item");
        }

        /** Index into a cumulative weight array, drawn proportionally to the weights. */
        private int pick(double[] cumulative) {
            double target = random.nextDouble() * cumulative[cumulative.length - 1];
            int position = Arrays.binarySearch(cumulative, target);
            position = position >= 0 ? position + 1 : -position - 1;
            return Math.min(position, cumulative.length - 1);
        }

        private static double[] cumulative(int[] indices, double[] weight) {
            double[] cumulative = new double[indices.length];
            double sum = 0;
            for (int k = 0; k < indices.length; k++) {
                sum += weight[indices[k]];
                cumulative[k] = sum;
            }
            return cumulative;
        }

        /** {@code n} things dealt round-robin into {@code clusters}, shuffled. */
        private int[] dealt(int n, int clusters) {
            int[] cluster = new int[n];
            for (int k = 0; k < n; k++) {
                cluster[k] = k % clusters;
            }
            return shuffled(cluster);
        }

        private int[] shuffled(int[] values) {
            for (int k = values.length - 1; k > 0; k--) {
                int other = random.nextInt(k + 1);
                int value = values[k];
                values[k] = values[other];
                values[other] = value;
            }
            return values;
        }

        private static int[] identity(int n) {
            int[] values = new int[n];
            for (int k = 0; k < n; k++) {
                values[k] = k;
            }
            return values;
        }
    }
}
