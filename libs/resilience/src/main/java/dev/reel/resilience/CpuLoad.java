package dev.reel.resilience;

import java.lang.management.ManagementFactory;
import java.util.function.DoubleSupplier;

/**
 * The machine's (or container's) recent CPU utilisation, 0 to 1, from the JVM's {@code OperatingSystemMXBean}: sampled
 * at most every 250 ms and smoothed (half the previous value, half the new sample), so asking on every request costs a
 * volatile read. Thread-safe; share {@link #SYSTEM}.
 */
public final class CpuLoad implements DoubleSupplier {

    /** The one sampler of this JVM. */
    public static final CpuLoad SYSTEM = new CpuLoad();

    private static final long REFRESH_NANOS = 250_000_000L;

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private volatile double smoothed;
    private volatile long sampledAt = System.nanoTime() - REFRESH_NANOS;

    private CpuLoad() {}

    @Override
    public double getAsDouble() {
        long now = System.nanoTime();
        if (now - sampledAt >= REFRESH_NANOS) {
            synchronized (this) {
                if (now - sampledAt >= REFRESH_NANOS) {
                    double sample = os.getCpuLoad();
                    if (sample >= 0) {
                        smoothed = (smoothed + sample) / 2;
                    }
                    sampledAt = now;
                }
            }
        }
        return smoothed;
    }
}
