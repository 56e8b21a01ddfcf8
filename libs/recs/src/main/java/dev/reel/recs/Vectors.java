package dev.reel.recs;

/** Float kernels on rows of flat factor arrays (row {@code r} of width {@code f} starts at {@code r * f}). */
final class Vectors {

    private Vectors() {}

    /** The dot product of {@code a[aFrom .. aFrom+n)} and {@code b[bFrom .. bFrom+n)}, four partial sums. */
    static float dot(float[] a, int aFrom, float[] b, int bFrom, int n) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) {
            s0 += a[aFrom + k] * b[bFrom + k];
            s1 += a[aFrom + k + 1] * b[bFrom + k + 1];
            s2 += a[aFrom + k + 2] * b[bFrom + k + 2];
            s3 += a[aFrom + k + 3] * b[bFrom + k + 3];
        }
        for (; k < n; k++) {
            s0 += a[aFrom + k] * b[bFrom + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code y[yFrom ..] += a * x[xFrom ..]} over {@code n} elements. */
    static void axpy(float a, float[] x, int xFrom, float[] y, int yFrom, int n) {
        for (int k = 0; k < n; k++) {
            y[yFrom + k] += a * x[xFrom + k];
        }
    }

    /** {@code out = (gram + lambda I) v} for a row-major {@code n × n} matrix. */
    static void gramTimes(float[] gram, float lambda, float[] v, float[] out, int n) {
        for (int row = 0; row < n; row++) {
            out[row] = dot(gram, row * n, v, 0, n) + lambda * v[row];
        }
    }

    /** The Gram matrix {@code Fᵀ F} (row-major {@code f × f}) of the {@code rows × f} matrix {@code factors}. */
    static float[] gram(float[] factors, int rows, int f) {
        double[] sum = new double[f * f];
        for (int r = 0; r < rows; r++) {
            int base = r * f;
            for (int a = 0; a < f; a++) {
                double va = factors[base + a];
                if (va == 0) {
                    continue;
                }
                int out = a * f;
                for (int b = a; b < f; b++) {
                    sum[out + b] += va * factors[base + b];
                }
            }
        }
        float[] gram = new float[f * f];
        for (int a = 0; a < f; a++) {
            for (int b = a; b < f; b++) {
                float value = (float) sum[a * f + b];
                gram[a * f + b] = value;
                gram[b * f + a] = value;
            }
        }
        return gram;
    }
}
