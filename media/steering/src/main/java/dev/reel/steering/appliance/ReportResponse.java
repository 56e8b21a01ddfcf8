package dev.reel.steering.appliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a report.
 *
 * @param reportInterval how often to report, an ISO-8601 duration such as {@code PT2S}
 * @param plan the plan to apply, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReportResponse(
        String reportInterval, @Nullable PlanInstructions plan) {}
