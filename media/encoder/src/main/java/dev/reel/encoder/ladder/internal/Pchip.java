package dev.reel.encoder.ladder.internal;

/**
 * Piecewise cubic Hermite interpolation that preserves monotonicity (Fritsch–Carlson slopes, as in SciPy's {@code
 * PchipInterpolator}): passes through every point, never overshoots between them. Outside the points' range it
 * extends the end segments' cubics. Immutable.
 */
public final class Pchip implements Curve {

    private final double[] x;
    private final double[] y;
    private final double[] slopes;

    private Pchip(double[] x, double[] y, double[] slopes) {
        this.x = x;
        this.y = y;
        this.slopes = slopes;
    }

    /**
     * Interpolates the points.
     *
     * @param x strictly increasing, at least two values
     * @param y as many values as {@code x}
     * @throws IllegalArgumentException otherwise
     */
    public static Pchip through(double[] x, double[] y) {
        int n = x.length;
        if (n < 2 || y.length != n) {
            throw new IllegalArgumentException("need at least two points and as many y as x values");
        }
        double[] h = new double[n - 1];
        double[] delta = new double[n - 1];
        for (int k = 0; k < n - 1; k++) {
            h[k] = x[k + 1] - x[k];
            if (!(h[k] > 0)) {
                throw new IllegalArgumentException("x values must be strictly increasing");
            }
            delta[k] = (y[k + 1] - y[k]) / h[k];
        }
        double[] d = new double[n];
        if (n == 2) {
            d[0] = delta[0];
            d[1] = delta[0];
        } else {
            for (int k = 1; k < n - 1; k++) {
                if (delta[k - 1] * delta[k] <= 0) {
                    d[k] = 0;
                } else {
                    double w1 = 2 * h[k] + h[k - 1];
                    double w2 = h[k] + 2 * h[k - 1];
                    d[k] = (w1 + w2) / (w1 / delta[k - 1] + w2 / delta[k]);
                }
            }
            d[0] = endSlope(h[0], h[1], delta[0], delta[1]);
            d[n - 1] = endSlope(h[n - 2], h[n - 3], delta[n - 2], delta[n - 3]);
        }
        return new Pchip(x.clone(), y.clone(), d);
    }

    /** The three-point end slope, limited so the end segment stays monotone. */
    private static double endSlope(double h0, double h1, double delta0, double delta1) {
        double d = ((2 * h0 + h1) * delta0 - h0 * delta1) / (h0 + h1);
        if (Math.signum(d) != Math.signum(delta0)) {
            return 0;
        }
        if (Math.signum(delta0) != Math.signum(delta1) && Math.abs(d) > Math.abs(3 * delta0)) {
            return 3 * delta0;
        }
        return d;
    }

    @Override
    public double valueAt(double at) {
        int k = segment(at);
        double t = at - x[k];
        double[] c = coefficients(k);
        return c[0] + t * (c[1] + t * (c[2] + t * c[3]));
    }

    @Override
    public double integral(double from, double to) {
        if (from > to) {
            return -integral(to, from);
        }
        double total = 0;
        double start = from;
        while (start < to) {
            int k = segment(start);
            double end = k + 1 < x.length - 1 ? Math.min(to, x[k + 1]) : to;
            if (end <= start) {
                end = to;
            }
            total += antiderivative(k, end - x[k]) - antiderivative(k, start - x[k]);
            start = end;
        }
        return total;
    }

    /** The segment whose cubic applies at {@code at}: the one containing it, or the nearest end segment. */
    private int segment(double at) {
        int k = 0;
        while (k < x.length - 2 && at >= x[k + 1]) {
            k++;
        }
        return k;
    }

    /** y = c0 + c1 t + c2 t² + c3 t³ for t = x - x[k]. */
    private double[] coefficients(int k) {
        double h = x[k + 1] - x[k];
        double delta = (y[k + 1] - y[k]) / h;
        return new double[] {
            y[k],
            slopes[k],
            (3 * delta - 2 * slopes[k] - slopes[k + 1]) / h,
            (slopes[k] + slopes[k + 1] - 2 * delta) / (h * h)
        };
    }

    private double antiderivative(int k, double t) {
        double[] c = coefficients(k);
        return t * (c[0] + t * (c[1] / 2 + t * (c[2] / 3 + t * c[3] / 4)));
    }
}
