package dev.reel.steering.appliance;

import org.jspecify.annotations.Nullable;

/**
 * Answers a report with the appliance's part of the current fill plan. Implemented by the fill feature; the report
 * endpoint answers without a plan when no implementation exists.
 */
public interface ApplianceInstructions {

    /**
     * The instructions for the reporting appliance.
     *
     * @return null when there is no plan for the appliance, or when it already applied the current one ({@code
     *     report.appliedPlanId()} equals its id)
     */
    @Nullable
    PlanInstructions forReport(ApplianceReport report);
}
