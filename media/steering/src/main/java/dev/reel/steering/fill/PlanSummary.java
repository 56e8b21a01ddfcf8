package dev.reel.steering.fill;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reel.steering.appliance.FetchTitle;
import dev.reel.steering.appliance.Tier;
import java.time.Instant;
import java.util.List;

/**
 * A stored plan as the admin API shows it.
 *
 * @param planId the plan's id
 * @param createdAt when it was made
 * @param trigger what started it
 * @param appliances every appliance's part
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PlanSummary(String planId, Instant createdAt, PlanTrigger trigger, List<ApplianceSummary> appliances) {

    /**
     * One appliance's part, as planned (fetch and drop against what it held then).
     *
     * @param id the appliance
     * @param network its network
     * @param tier its tier
     * @param titles the title versions to hold, densest first
     * @param bytes their size
     * @param capacityBytes the appliance's capacity
     * @param predictedByteHitRatio the share of the network's predicted bytes they answer
     * @param fetch what it had to fetch
     * @param drop what it had to drop
     * @param pinned what it must keep
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ApplianceSummary(
            String id,
            String network,
            Tier tier,
            List<PlacedTitle> titles,
            long bytes,
            long capacityBytes,
            double predictedByteHitRatio,
            List<FetchTitle> fetch,
            List<String> drop,
            List<String> pinned) {

        static ApplianceSummary of(Placement placement) {
            return new ApplianceSummary(
                    placement.applianceId(),
                    placement.network(),
                    placement.tier(),
                    placement.titles(),
                    placement.bytes(),
                    placement.capacityBytes(),
                    placement.predictedByteHitRatio(),
                    placement.fetch(),
                    placement.drop(),
                    placement.pinned());
        }
    }

    /** The summary of a plan's placements. */
    public static PlanSummary of(String planId, Instant createdAt, PlanTrigger trigger, List<Placement> placements) {
        return new PlanSummary(
                planId,
                createdAt,
                trigger,
                placements.stream().map(ApplianceSummary::of).toList());
    }
}
