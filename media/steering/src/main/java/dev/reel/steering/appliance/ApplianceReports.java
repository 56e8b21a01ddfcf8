package dev.reel.steering.appliance;

/** Takes in verified appliance reports. */
public interface ApplianceReports {

    /**
     * Records a report: the appliance is in rotation from now until the appliance timeout passes without another one,
     * and the report is persisted as its last known state.
     *
     * @return the appliance as now known
     * @throws IllegalArgumentException if a CIDR does not parse
     */
    Appliance record(ApplianceReport report);
}
