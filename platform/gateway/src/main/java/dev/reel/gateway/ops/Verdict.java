package dev.reel.gateway.ops;

import dev.reel.gateway.ops.OpsOverview.BreakerView;
import dev.reel.gateway.ops.OpsOverview.InstanceView;
import dev.reel.gateway.ops.OpsOverview.ServiceView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The overall status and its reasons: {@code down} when a service has no healthy instance; else {@code degraded}
 * when an instance is down, a circuit breaker is open or the error rate is above the threshold; else {@code
 * healthy}.
 *
 * @param status {@code healthy}, {@code degraded} or {@code down}
 * @param reasons in words, services without a healthy instance first
 */
record Verdict(String status, List<String> reasons) {

    Verdict {
        reasons = List.copyOf(reasons);
    }

    /**
     * Judges one snapshot.
     *
     * @param errorRate the recent share of 5xx answers, or {@code null} if unknown
     * @param threshold the share above which the error rate degrades the platform
     */
    static Verdict of(
            List<ServiceView> services, List<BreakerView> breakers, @Nullable Double errorRate, double threshold) {
        List<String> down = new ArrayList<>();
        List<String> degraded = new ArrayList<>();
        for (ServiceView service : services) {
            if (service.status().equals(OpsOverview.DOWN)) {
                down.add(service.name() + " has no healthy instance");
                continue;
            }
            for (InstanceView instance : service.instances()) {
                if (!instance.up()) {
                    degraded.add(
                            instance.id() + " is down" + (instance.problem() == null ? "" : ": " + instance.problem()));
                }
            }
        }
        for (BreakerView breaker : breakers) {
            if (breaker.open()) {
                degraded.add("circuit breaker " + breaker.name() + " is open on " + breaker.instance());
            }
        }
        if (errorRate != null && errorRate > threshold) {
            degraded.add(
                    String.format(Locale.ROOT, "error rate %.1f %% (above %.1f %%)", errorRate * 100, threshold * 100));
        }
        List<String> reasons = new ArrayList<>(down);
        reasons.addAll(degraded);
        String status =
                !down.isEmpty() ? OpsOverview.DOWN : !degraded.isEmpty() ? OpsOverview.DEGRADED : OpsOverview.HEALTHY;
        return new Verdict(status, reasons);
    }

    /** A service's own status: {@code down} without any instance up, {@code degraded} with some down. */
    static String ofService(List<InstanceView> instances) {
        long up = instances.stream().filter(InstanceView::up).count();
        return up == 0 ? OpsOverview.DOWN : up < instances.size() ? OpsOverview.DEGRADED : OpsOverview.HEALTHY;
    }
}
