package dev.reel.encoder.ladder.internal;

/**
 * A least-squares polynomial fit y ≈ p(x). The fit works on x normalised to [-1, 1] over the data, which keeps the
 * normal equations well conditioned whatever the units. Immutable.
 */
public final class Polynomial implements Curve {

    private final double[] coefficients; // in t = (x - centre) / halfWidth, lowest power first
    private final double centre;
    private final double halfWidth;

    private Polynomial(double[] coefficients, double centre, double halfWidth) {
        this.coefficients = coefficients;
        this.centre = centre;
        this.halfWidth = halfWidth;
    }

    /**
     * Fits a polynomial of the given degree to the points by least squares.
     *
     * @throws IllegalArgumentException if there are fewer than {@code degree + 1} points, the arrays differ in length,
     *     or the x values are not distinct enough to determine the fit
     */
    public static Polynomial fit(double[] x, double[] y, int degree) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        if (degree < 0 || x.length < degree + 1) {
            throw new IllegalArgumentException(
                    "a degree-" + degree + " fit needs at least " + (degree + 1) + " points, got " + x.length);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : x) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        double centre = (min + max) / 2;
        double halfWidth = max > min ? (max - min) / 2 : 1;
        int size = degree + 1;
        double[][] normal = new double[size][size + 1];
        for (int k = 0; k < x.length; k++) {
            double t = (x[k] - centre) / halfWidth;
            double[] powers = new double[2 * size - 1];
            powers[0] = 1;
            for (int p = 1; p < powers.length; p++) {
                powers[p] = powers[p - 1] * t;
            }
            for (int row = 0; row < size; row++) {
                for (int col = 0; col < size; col++) {
                    normal[row][col] += powers[row + col];
                }
                normal[row][size] += powers[row] * y[k];
            }
        }
        return new Polynomial(solve(normal), centre, halfWidth);
    }

    /** Gaussian elimination with partial pivoting on an augmented matrix. */
    private static double[] solve(double[][] augmented) {
        int size = augmented.length;
        for (int col = 0; col < size; col++) {
            int pivot = col;
            for (int row = col + 1; row < size; row++) {
                if (Math.abs(augmented[row][col]) > Math.abs(augmented[pivot][col])) {
                    pivot = row;
                }
            }
            if (Math.abs(augmented[pivot][col]) < 1e-12) {
                throw new IllegalArgumentException("the points do not determine the fit (too few distinct x values)");
            }
            double[] swap = augmented[col];
            augmented[col] = augmented[pivot];
            augmented[pivot] = swap;
            for (int row = col + 1; row < size; row++) {
                double factor = augmented[row][col] / augmented[col][col];
                for (int k = col; k <= size; k++) {
                    augmented[row][k] -= factor * augmented[col][k];
                }
            }
        }
        double[] solution = new double[size];
        for (int row = size - 1; row >= 0; row--) {
            double sum = augmented[row][size];
            for (int k = row + 1; k < size; k++) {
                sum -= augmented[row][k] * solution[k];
            }
            solution[row] = sum / augmented[row][row];
        }
        return solution;
    }

    @Override
    public double valueAt(double x) {
        double t = (x - centre) / halfWidth;
        double value = 0;
        for (int p = coefficients.length - 1; p >= 0; p--) {
            value = value * t + coefficients[p];
        }
        return value;
    }

    @Override
    public double integral(double from, double to) {
        return halfWidth * (antiderivative((to - centre) / halfWidth) - antiderivative((from - centre) / halfWidth));
    }

    private double antiderivative(double t) {
        double value = 0;
        for (int p = coefficients.length - 1; p >= 0; p--) {
            value = value * t + coefficients[p] / (p + 1);
        }
        return value * t;
    }
}
