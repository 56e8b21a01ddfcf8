package dev.reel.steering.appliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An appliance as {@code GET /api/v1/cdn/appliances} lists it: its last report and its rotation state. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApplianceView(
        String id,
        String baseUrl,
        List<String> cidrs,
        @Nullable String region,
        Tier tier,
        long capacityBytes,
        long usedBytes,
        long openConnections,
        long throughputBps,
        double hitRatioBytes,
        List<HeldTitle> titles,
        boolean inRotation,
        Instant lastReportAt,
        @Nullable String appliedPlanId) {

    static ApplianceView of(Appliance appliance) {
        ApplianceReport report = appliance.report();
        return new ApplianceView(
                report.applianceId(),
                report.baseUrl(),
                report.cidrs(),
                report.region(),
                report.tier(),
                report.capacityBytes(),
                report.usedBytes(),
                report.openConnections(),
                report.throughputBps(),
                report.hitRatioBytes(),
                report.heldTitles(),
                appliance.inRotation(),
                appliance.lastReportAt(),
                report.appliedPlanId());
    }
}
