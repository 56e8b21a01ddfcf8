package dev.reel.encoder.ladder.internal;

/** A fitted or interpolated function y(x) that can be integrated. */
public interface Curve {

    /** y(x). */
    double valueAt(double x);

    /** The integral of y over [from, to]. */
    double integral(double from, double to);
}
