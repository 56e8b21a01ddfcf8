package dev.reel.recs.eval;

import dev.reel.recs.InteractionMatrix;
import java.util.Arrays;

/**
 * The leave-last-out split: for every user with at least two distinct items, the item of their latest interaction
 * (ties: the later line) is held out for testing, and every interaction of that user with that item leaves the
 * training matrix. Users with a single item stay whole in training and are not tested.
 */
public final class LeaveLastOut {

    private final InteractionMatrix train;
    private final int[] testUsers;
    private final int[] testItems;

    private LeaveLastOut(InteractionMatrix train, int[] testUsers, int[] testItems) {
        this.train = train;
        this.testUsers = testUsers;
        this.testItems = testItems;
    }

    /** Splits {@code ratings}; ratings become strengths of the training matrix. */
    public static LeaveLastOut of(Ratings ratings) {
        int users = ratings.users();
        int[] last = new int[users];
        Arrays.fill(last, -1);
        for (int k = 0; k < ratings.size(); k++) {
            int user = ratings.user(k);
            if (last[user] < 0 || ratings.timestamp(k) >= ratings.timestamp(last[user])) {
                last[user] = k;
            }
        }
        InteractionMatrix all = ratings.toMatrix();
        int[] heldOut = new int[users];
        int tested = 0;
        for (int user = 0; user < users; user++) {
            if (last[user] >= 0 && all.userCount(user) >= 2) {
                heldOut[user] = ratings.item(last[user]);
                tested++;
            } else {
                heldOut[user] = -1;
            }
        }
        InteractionMatrix.Builder train = InteractionMatrix.builder(users, ratings.items());
        for (int k = 0; k < ratings.size(); k++) {
            int user = ratings.user(k);
            if (ratings.item(k) != heldOut[user]) {
                train.add(user, ratings.item(k), ratings.rating(k));
            }
        }
        int[] testUsers = new int[tested];
        int[] testItems = new int[tested];
        int next = 0;
        for (int user = 0; user < users; user++) {
            if (heldOut[user] >= 0) {
                testUsers[next] = user;
                testItems[next] = heldOut[user];
                next++;
            }
        }
        return new LeaveLastOut(train.build(), testUsers, testItems);
    }

    /** The training matrix (same shape as the whole data). */
    public InteractionMatrix train() {
        return train;
    }

    /** Number of tested users. */
    public int size() {
        return testUsers.length;
    }

    /** The {@code k}-th tested user. */
    public int testUser(int k) {
        return testUsers[k];
    }

    /** The held-out item of the {@code k}-th tested user. */
    public int testItem(int k) {
        return testItems[k];
    }
}
