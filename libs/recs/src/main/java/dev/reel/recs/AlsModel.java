package dev.reel.recs;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.zip.CRC32;

/**
 * A trained implicit-feedback model: one vector of {@link #factors()} floats per user and per item, a user's
 * predicted preference for an item being their dot product. Immutable and thread-safe; vectors handed out are copies.
 */
public final class AlsModel {

    /** Leading bytes of {@link #toBytes()}: "RALS". */
    private static final int MAGIC = 0x52414C53;
    /** Version of the byte form written by {@link #toBytes()}. */
    private static final int VERSION = 1;

    private static final int HEADER_BYTES = 4 + 4 + 4 + 4 + 4 + 4 + 4;
    private static final int MAX_FACTORS = 1024;

    private final int factors;
    private final int users;
    private final int items;
    private final float[] userFactors;
    private final float[] itemFactors;
    private final float regularization;
    private final float alpha;
    /** {@code YᵀY}, for fold-in. */
    private final float[] itemGram;
    /** {@code |yᵢ|}, for cosine similarity. */
    private final float[] itemNorms;

    AlsModel(
            int factors,
            int users,
            int items,
            float[] userFactors,
            float[] itemFactors,
            float regularization,
            float alpha) {
        this.factors = factors;
        this.users = users;
        this.items = items;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.regularization = regularization;
        this.alpha = alpha;
        this.itemGram = Vectors.gram(itemFactors, items, factors);
        this.itemNorms = new float[items];
        for (int i = 0; i < items; i++) {
            itemNorms[i] = (float) Math.sqrt(Vectors.dot(itemFactors, i * factors, itemFactors, i * factors, factors));
        }
    }

    /** Length of every vector. */
    public int factors() {
        return factors;
    }

    /** Number of users the model was trained with. */
    public int users() {
        return users;
    }

    /** Number of items the model was trained with. */
    public int items() {
        return items;
    }

    /** λ of the training run, used again by {@link #foldIn}. */
    public float regularization() {
        return regularization;
    }

    /** Confidence per unit of strength of the training run, used again by {@link #foldIn}. */
    public float alpha() {
        return alpha;
    }

    /**
     * The vector of {@code user} (a copy).
     *
     * @throws IndexOutOfBoundsException if user is not in {@code [0, users())}
     */
    public float[] userVector(int user) {
        if (user < 0 || user >= users) {
            throw new IndexOutOfBoundsException("user " + user + " not in [0, " + users + ")");
        }
        return Arrays.copyOfRange(userFactors, user * factors, (user + 1) * factors);
    }

    /**
     * The vector of {@code item} (a copy).
     *
     * @throws IndexOutOfBoundsException if item is not in {@code [0, items())}
     */
    public float[] itemVector(int item) {
        checkItem(item);
        return Arrays.copyOfRange(itemFactors, item * factors, (item + 1) * factors);
    }

    /**
     * A vector for a user the model does not know (or whose interactions changed since training), from their items
     * and strengths: the exact least-squares step of training for one user against the model's item vectors, solved
     * directly (Cholesky, {@code O(f³ + n f²)}). Strengths of a repeated item are summed. No items gives the zero
     * vector, which scores every item 0.
     *
     * @param items item indices in {@code [0, items())}
     * @param strengths strengths, finite and {@code >= 0}, one per item
     * @throws IllegalArgumentException if the arrays differ in length or a strength is invalid
     * @throws IndexOutOfBoundsException if an item is out of range
     */
    public float[] foldIn(int[] items, float[] strengths) {
        if (items.length != strengths.length) {
            throw new IllegalArgumentException(
                    "items and strengths differ in length: " + items.length + " and " + strengths.length);
        }
        int f = factors;
        double[] matrix = new double[f * f];
        double[] rhs = new double[f];
        for (int a = 0; a < f; a++) {
            for (int b = 0; b < f; b++) {
                matrix[a * f + b] = itemGram[a * f + b];
            }
            matrix[a * f + a] += regularization;
        }
        for (int k = 0; k < items.length; k++) {
            int item = items[k];
            checkItem(item);
            float strength = strengths[k];
            if (!(strength >= 0) || Float.isInfinite(strength)) {
                throw new IllegalArgumentException("strength must be finite and >= 0, got " + strength);
            }
            // Repeated items: the confidences add up like the builder's summed strengths would.
            double extra = alpha * (double) strength;
            boolean first = true;
            for (int earlier = 0; earlier < k; earlier++) {
                if (items[earlier] == item) {
                    first = false;
                    break;
                }
            }
            int base = item * f;
            for (int a = 0; a < f; a++) {
                double ya = itemFactors[base + a];
                rhs[a] += (first ? 1 + extra : extra) * ya;
                for (int b = 0; b < f; b++) {
                    matrix[a * f + b] += extra * ya * itemFactors[base + b];
                }
            }
        }
        if (items.length == 0) {
            return new float[f];
        }
        return Cholesky.solve(matrix, rhs, f);
    }

    /**
     * The predicted preference of the user with vector {@code user} for {@code item}.
     *
     * @throws IllegalArgumentException if the vector's length is not {@link #factors()}
     * @throws IndexOutOfBoundsException if item is out of range
     */
    public float score(float[] user, int item) {
        checkVector(user);
        checkItem(item);
        return Vectors.dot(user, 0, itemFactors, item * factors, factors);
    }

    /**
     * The scores of every item for the user with vector {@code user}, indexed by item: {@code O(items · f)}.
     *
     * @throws IllegalArgumentException if the vector's length is not {@link #factors()}
     */
    public float[] scores(float[] user) {
        checkVector(user);
        float[] scores = new float[items];
        for (int item = 0; item < items; item++) {
            scores[item] = Vectors.dot(user, 0, itemFactors, item * factors, factors);
        }
        return scores;
    }

    /**
     * The {@code n} items with the highest score for {@code user}, best first (ties: lower index first), leaving out
     * the items {@code exclude} accepts (e.g. those already watched). Scans the whole catalog: {@code O(items · f)}.
     *
     * @return at most {@code n} items; fewer if fewer remain
     * @throws IllegalArgumentException if n is negative or the vector's length is not {@link #factors()}
     */
    public int[] recommend(float[] user, int n, IntPredicate exclude) {
        checkVector(user);
        TopN top = new TopN(checkCount(n));
        for (int item = 0; item < items; item++) {
            if (!exclude.test(item)) {
                top.offer(item, Vectors.dot(user, 0, itemFactors, item * factors, factors));
            }
        }
        return top.sorted();
    }

    /**
     * The {@code n} items most similar to {@code item} by the cosine of their vectors, best first, never {@code item}
     * itself, leaving out those {@code exclude} accepts.
     *
     * @throws IllegalArgumentException if n is negative
     * @throws IndexOutOfBoundsException if item is out of range
     */
    public int[] similarItems(int item, int n, IntPredicate exclude) {
        checkItem(item);
        TopN top = new TopN(checkCount(n));
        int base = item * factors;
        float norm = itemNorms[item];
        for (int other = 0; other < items; other++) {
            if (other == item || exclude.test(other)) {
                continue;
            }
            float denominator = norm * itemNorms[other];
            float cosine = denominator > 0
                    ? Vectors.dot(itemFactors, base, itemFactors, other * factors, factors) / denominator
                    : 0;
            top.offer(other, cosine);
        }
        return top.sorted();
    }

    /**
     * The model as bytes: magic, format version, shape, λ, alpha, the vectors, and a CRC-32 of all that.
     * {@link #fromBytes} reads it back exactly.
     */
    public byte[] toBytes() {
        int floats = userFactors.length + itemFactors.length;
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + floats * 4 + 4);
        buffer.putInt(MAGIC).putInt(VERSION);
        buffer.putInt(factors).putInt(users).putInt(items);
        buffer.putFloat(regularization).putFloat(alpha);
        buffer.asFloatBuffer().put(userFactors).put(itemFactors);
        buffer.position(buffer.position() + floats * 4);
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putInt((int) crc.getValue());
        return buffer.array();
    }

    /**
     * Reads a model written by {@link #toBytes()}.
     *
     * @throws IllegalArgumentException if the bytes are not a model, are of an unknown version, are truncated or
     *     damaged (checksum)
     */
    public static AlsModel fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            if (buffer.getInt() != MAGIC) {
                throw new IllegalArgumentException("Not a recs model (bad magic)");
            }
            int version = buffer.getInt();
            if (version != VERSION) {
                throw new IllegalArgumentException(
                        "Unsupported recs model version " + version + " (this build reads " + VERSION + ")");
            }
            int factors = buffer.getInt();
            int users = buffer.getInt();
            int items = buffer.getInt();
            if (factors < 1 || factors > MAX_FACTORS || users < 0 || items < 0) {
                throw new IllegalArgumentException(
                        "Damaged recs model: shape " + users + " x " + items + " x " + factors);
            }
            long floats = ((long) users + items) * factors;
            if (bytes.length != HEADER_BYTES + floats * 4 + 4) {
                throw new IllegalArgumentException(
                        "Damaged recs model: " + bytes.length + " bytes, expected " + (HEADER_BYTES + floats * 4 + 4));
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 4);
            if (ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt() != (int) crc.getValue()) {
                throw new IllegalArgumentException("Damaged recs model: checksum mismatch");
            }
            float regularization = buffer.getFloat();
            float alpha = buffer.getFloat();
            float[] userFactors = new float[users * factors];
            float[] itemFactors = new float[items * factors];
            buffer.asFloatBuffer().get(userFactors).get(itemFactors);
            return new AlsModel(factors, users, items, userFactors, itemFactors, regularization, alpha);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("Damaged recs model: truncated", e);
        }
    }

    private void checkItem(int item) {
        if (item < 0 || item >= items) {
            throw new IndexOutOfBoundsException("item " + item + " not in [0, " + items + ")");
        }
    }

    private void checkVector(float[] vector) {
        if (vector.length != factors) {
            throw new IllegalArgumentException("vector has " + vector.length + " factors, the model has " + factors);
        }
    }

    private static int checkCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        return n;
    }
}
