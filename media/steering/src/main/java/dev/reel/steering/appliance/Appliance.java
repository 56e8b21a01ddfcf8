package dev.reel.steering.appliance;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What steering knows about one appliance: its last report and whether it is in rotation.
 *
 * @param report the last report received (by this instance, or persisted by an earlier one)
 * @param networks the report's CIDRs, parsed; CIDRs that do not parse are left out
 * @param lastReportAt when that report was received
 * @param inRotation whether the appliance reported to this instance within the appliance timeout
 */
public record Appliance(ApplianceReport report, List<Cidr> networks, Instant lastReportAt, boolean inRotation) {

    public Appliance {
        Objects.requireNonNull(report, "report");
        networks = List.copyOf(networks);
        Objects.requireNonNull(lastReportAt, "lastReportAt");
    }

    public String id() {
        return report.applianceId();
    }

    /**
     * The network the appliance serves, as a key: its canonical CIDRs, sorted. Appliances announcing the same CIDRs
     * serve the same ISP network and share its demand.
     */
    public String networkKey() {
        return networks.stream().map(Cidr::toString).sorted().collect(Collectors.joining(","));
    }

    /** The version of {@code titleId} it reports holding, or null if it holds none (or only unversioned objects). */
    public @Nullable String heldVersion(String titleId) {
        for (HeldTitle held : report.heldTitles()) {
            if (held.titleId().equals(titleId) && held.version() != null) {
                return held.version();
            }
        }
        return null;
    }

    /** Whether it holds {@code version} of {@code titleId}. */
    public boolean holds(String titleId, String version) {
        for (HeldTitle held : report.heldTitles()) {
            if (held.titleId().equals(titleId) && version.equals(held.version())) {
                return true;
            }
        }
        return false;
    }
}
