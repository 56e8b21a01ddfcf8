package dev.reel.recs;

/**
 * The {@code n} best (item, score) pairs seen, kept in a bounded min-heap of primitives. Higher scores are better;
 * between equal scores the lower item wins, so results are deterministic.
 */
final class TopN {

    private final int[] heapItems;
    private final float[] heapScores;
    private int size;

    TopN(int n) {
        this.heapItems = new int[n];
        this.heapScores = new float[n];
    }

    void offer(int item, float score) {
        int capacity = heapItems.length;
        if (size < capacity) {
            heapItems[size] = item;
            heapScores[size] = score;
            siftUp(size++);
        } else if (capacity > 0 && better(item, score, heapItems[0], heapScores[0])) {
            heapItems[0] = item;
            heapScores[0] = score;
            siftDown(0);
        }
    }

    /** The kept items, best first; empties the heap. */
    int[] sorted() {
        int[] result = new int[size];
        for (int k = size - 1; k >= 0; k--) {
            result[k] = heapItems[0];
            size--;
            heapItems[0] = heapItems[size];
            heapScores[0] = heapScores[size];
            siftDown(0);
        }
        return result;
    }

    private static boolean better(int item, float score, int otherItem, float otherScore) {
        return score > otherScore || (score == otherScore && item < otherItem);
    }

    private void siftUp(int position) {
        while (position > 0) {
            int parent = (position - 1) >>> 1;
            if (!better(heapItems[parent], heapScores[parent], heapItems[position], heapScores[position])) {
                return;
            }
            swap(parent, position);
            position = parent;
        }
    }

    private void siftDown(int position) {
        while (true) {
            int left = 2 * position + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && better(heapItems[left], heapScores[left], heapItems[right], heapScores[right])) {
                worst = right;
            }
            if (!better(heapItems[position], heapScores[position], heapItems[worst], heapScores[worst])) {
                return;
            }
            swap(position, worst);
            position = worst;
        }
    }

    private void swap(int a, int b) {
        int item = heapItems[a];
        heapItems[a] = heapItems[b];
        heapItems[b] = item;
        float score = heapScores[a];
        heapScores[a] = heapScores[b];
        heapScores[b] = score;
    }
}
