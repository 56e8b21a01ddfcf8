package dev.reel.recs;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Implicit-feedback alternating least squares (Hu, Koren and Volinsky, "Collaborative Filtering for Implicit Feedback
 * Datasets", 2008), each row solved approximately with a few conjugate-gradient steps warm-started from its previous
 * value (Takács, Pilászy and Tikk, 2011).
 *
 * <p>For every observed (user, item) pair with strength {@code s} the preference is 1 and the confidence {@code c = 1
 * + alpha * s}; every unobserved pair has preference 0 and confidence 1. Training minimises {@code Σ c (p - xᵤ·yᵢ)² +
 * λ (Σ|xᵤ|² + Σ|yᵢ|²)} over all users × items. One iteration solves every item given the users, then every user given
 * the items (so the final user vectors are consistent with the final item vectors, as a fold-in is). Solving a row
 * needs {@code (YᵀY + λI + Yᵤᵀ(Cᵤ − I)Yᵤ) x = YᵤᵀCᵤ 1}: {@code YᵀY} is computed once per half-step, so a row costs
 * {@code O(cgSteps · (f² + nᵤ f))}, and an iteration {@code O(cgSteps · ((users + items) f² + nnz f))}.
 *
 * <p>Instances are immutable and thread-safe; each {@link #train} call runs on its own fixed pool of {@link
 * #threads()} threads, shut down before it returns.
 */
public final class ImplicitAls {

    private static final int CHUNK = 32;
    private static final float CONVERGED = 1e-12f;

    private final int factors;
    private final float regularization;
    private final float alpha;
    private final int iterations;
    private final int cgSteps;
    private final int threads;
    private final long seed;

    private ImplicitAls(Builder builder) {
        this.factors = builder.factors;
        this.regularization = builder.regularization;
        this.alpha = builder.alpha;
        this.iterations = builder.iterations;
        this.cgSteps = builder.cgSteps;
        this.threads = builder.threads;
        this.seed = builder.seed;
    }

    /**
     * A builder with the defaults factors 64, regularization 0.1, alpha 10, iterations 10, cgSteps 3, one thread per
     * available processor, seed 42.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Length of the user and item vectors. */
    public int factors() {
        return factors;
    }

    /** The weight λ of the squared norms of all vectors. */
    public float regularization() {
        return regularization;
    }

    /** Confidence per unit of strength: {@code c = 1 + alpha * strength}. */
    public float alpha() {
        return alpha;
    }

    /** Number of alternations (items, then users). */
    public int iterations() {
        return iterations;
    }

    /** Conjugate-gradient steps per row and half-step. */
    public int cgSteps() {
        return cgSteps;
    }

    /** Worker threads of a training run. */
    public int threads() {
        return threads;
    }

    /** Seed of the random initial vectors: the same data, settings and seed give the same model. */
    public long seed() {
        return seed;
    }

    /**
     * Trains a model on {@code data}. Deterministic for a given seed, whatever the thread count (each row's solve only
     * reads the other side).
     *
     * @throws IllegalStateException if the calling thread is interrupted while training
     */
    public AlsModel train(InteractionMatrix data) {
        int f = factors;
        float[] userFactors = initial(data.users(), f, seed);
        float[] itemFactors = initial(data.items(), f, seed ^ 0x9E3779B97F4A7C15L);
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, new Workers()) : null;
        try {
            for (int iteration = 0; iteration < iterations; iteration++) {
                halfStep(
                        pool,
                        itemFactors,
                        data.items(),
                        userFactors,
                        data.users(),
                        data.itemStart(),
                        data.itemUsers(),
                        data.itemValues());
                halfStep(
                        pool,
                        userFactors,
                        data.users(),
                        itemFactors,
                        data.items(),
                        data.userStart(),
                        data.userItems(),
                        data.userValues());
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return new AlsModel(f, data.users(), data.items(), userFactors, itemFactors, regularization, alpha);
    }

    /** Small random initial vectors, uniform in [0, 0.01) as is usual for implicit ALS. */
    private static float[] initial(int rows, int f, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] vectors = new float[rows * f];
        for (int k = 0; k < vectors.length; k++) {
            vectors[k] = (float) (random.nextDouble() * 0.01);
        }
        return vectors;
    }

    /** Solves every row of {@code target} against the fixed {@code other} side. */
    private void halfStep(
            ExecutorService pool,
            float[] target,
            int targetRows,
            float[] other,
            int otherRows,
            int[] start,
            int[] indices,
            float[] values) {
        float[] gram = Vectors.gram(other, otherRows, factors);
        if (pool == null) {
            new RowSolver(gram).solve(target, other, start, indices, values, 0, targetRows);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Future<?>[] running = new Future<?>[threads];
        for (int t = 0; t < threads; t++) {
            running[t] = pool.submit(() -> {
                RowSolver solver = new RowSolver(gram);
                for (int from = next.getAndAdd(CHUNK); from < targetRows; from = next.getAndAdd(CHUNK)) {
                    solver.solve(target, other, start, indices, values, from, Math.min(targetRows, from + CHUNK));
                }
            });
        }
        try {
            for (Future<?> task : running) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while training", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** One worker's conjugate-gradient solver with its own scratch vectors. */
    private final class RowSolver {

        private final float[] gram;
        private final float[] x = new float[factors];
        private final float[] residual = new float[factors];
        private final float[] direction = new float[factors];
        private final float[] product = new float[factors];

        RowSolver(float[] gram) {
            this.gram = gram;
        }

        /** Updates rows {@code [from, to)} of {@code target} in place. */
        void solve(float[] target, float[] other, int[] start, int[] indices, float[] values, int from, int to) {
            int f = factors;
            for (int row = from; row < to; row++) {
                int base = row * f;
                System.arraycopy(target, base, x, 0, f);
                // residual = b - A x, with A = YᵀY + λI + Σ (c-1) y yᵀ and b = Σ c y.
                Vectors.gramTimes(gram, regularization, x, product, f);
                for (int k = 0; k < f; k++) {
                    residual[k] = -product[k];
                }
                for (int e = start[row]; e < start[row + 1]; e++) {
                    int other0 = indices[e] * f;
                    float confidence = 1 + alpha * values[e];
                    float weight = confidence - (confidence - 1) * Vectors.dot(other, other0, x, 0, f);
                    Vectors.axpy(weight, other, other0, residual, 0, f);
                }
                System.arraycopy(residual, 0, direction, 0, f);
                float residualNorm = Vectors.dot(residual, 0, residual, 0, f);
                for (int step = 0; step < cgSteps && residualNorm > CONVERGED; step++) {
                    Vectors.gramTimes(gram, regularization, direction, product, f);
                    for (int e = start[row]; e < start[row + 1]; e++) {
                        int other0 = indices[e] * f;
                        float weight = alpha * values[e] * Vectors.dot(other, other0, direction, 0, f);
                        Vectors.axpy(weight, other, other0, product, 0, f);
                    }
                    float curvature = Vectors.dot(direction, 0, product, 0, f);
                    if (!(curvature > 0)) {
                        break;
                    }
                    float stepSize = residualNorm / curvature;
                    Vectors.axpy(stepSize, direction, 0, x, 0, f);
                    Vectors.axpy(-stepSize, product, 0, residual, 0, f);
                    float nextNorm = Vectors.dot(residual, 0, residual, 0, f);
                    float beta = nextNorm / residualNorm;
                    for (int k = 0; k < f; k++) {
                        direction[k] = residual[k] + beta * direction[k];
                    }
                    residualNorm = nextNorm;
                }
                System.arraycopy(x, 0, target, base, f);
            }
        }
    }

    /** Daemon worker threads named {@code recs-als-N}. */
    private static final class Workers implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "recs-als-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    /** Settings of an {@link ImplicitAls}; every setter validates its argument at once. Not thread-safe. */
    public static final class Builder {

        private int factors = 64;
        private float regularization = 0.1f;
        private float alpha = 10f;
        private int iterations = 10;
        private int cgSteps = 3;
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private long seed = 42;

        private Builder() {}

        /**
         * Length of the vectors, 1 to 1024.
         *
         * @throws IllegalArgumentException otherwise
         */
        public Builder factors(int factors) {
            if (factors < 1 || factors > 1024) {
                throw new IllegalArgumentException("factors must be in [1, 1024], got " + factors);
            }
            this.factors = factors;
            return this;
        }

        /**
         * λ, finite and {@code >= 0}.
         *
         * @throws IllegalArgumentException otherwise
         */
        public Builder regularization(double regularization) {
            if (!(regularization >= 0) || Double.isInfinite(regularization)) {
                throw new IllegalArgumentException("regularization must be finite and >= 0, got " + regularization);
            }
            this.regularization = (float) regularization;
            return this;
        }

        /**
         * Confidence per unit of strength, finite and {@code >= 0}.
         *
         * @throws IllegalArgumentException otherwise
         */
        public Builder alpha(double alpha) {
            if (!(alpha >= 0) || Double.isInfinite(alpha)) {
                throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
            }
            this.alpha = (float) alpha;
            return this;
        }

        /**
         * Number of alternations, 1 to 1000.
         *
         * @throws IllegalArgumentException otherwise
         */
        public Builder iterations(int iterations) {
            if (iterations < 1 || iterations > 1000) {
                throw new IllegalArgumentException("iterations must be in [1, 1000], got " + iterations);
            }
            this.iterations = iterations;
            return this;
        }

        /**
         * Conjugate-gradient steps per row and half-step, 1 to 1024 (3 is usually enough; {@code factors} steps
         * solve each row exactly, up to rounding).
         *
         * @throws IllegalArgumentException otherwise
         */
        public Builder cgSteps(int cgSteps) {
            if (cgSteps < 1 || cgSteps > 1024) {
                throw new IllegalArgumentException("cgSteps must be in [1, 1024], got " + cgSteps);
            }
            this.cgSteps = cgSteps;
            return this;
        }

        /**
         * Worker threads of a training run, 1 to 256.
         *
         * @throws IllegalArgumentException otherwise
         */
        public Builder threads(int threads) {
            if (threads < 1 || threads > 256) {
                throw new IllegalArgumentException("threads must be in [1, 256], got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Seed of the random initial vectors. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The configured trainer. */
        public ImplicitAls build() {
            return new ImplicitAls(this);
        }
    }
}
