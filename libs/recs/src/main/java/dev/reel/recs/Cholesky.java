package dev.reel.recs;

/** Direct solve of a small symmetric positive-definite system, in double precision. */
final class Cholesky {

    private Cholesky() {}

    /**
     * Solves {@code A x = b} for a row-major {@code n × n} SPD matrix; {@code a} is overwritten by its factor.
     *
     * @throws IllegalArgumentException if {@code a} is not positive definite
     */
    static float[] solve(double[] a, double[] b, int n) {
        for (int j = 0; j < n; j++) {
            double diagonal = a[j * n + j];
            for (int k = 0; k < j; k++) {
                diagonal -= a[j * n + k] * a[j * n + k];
            }
            if (!(diagonal > 0)) {
                throw new IllegalArgumentException("matrix is not positive definite");
            }
            double root = Math.sqrt(diagonal);
            a[j * n + j] = root;
            for (int i = j + 1; i < n; i++) {
                double sum = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    sum -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = sum / root;
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= a[i * n + k] * y[k];
            }
            y[i] = sum / a[i * n + i];
        }
        float[] x = new float[n];
        double[] solution = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= a[k * n + i] * solution[k];
            }
            solution[i] = sum / a[i * n + i];
            x[i] = (float) solution[i];
        }
        return x;
    }
}
