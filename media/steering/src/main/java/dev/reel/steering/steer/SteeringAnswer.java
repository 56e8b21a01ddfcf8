package dev.reel.steering.steer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ordered targets for one client and title.
 *
 * @param client the client address, as asked
 * @param network the id of the first appliance (by id) whose CIDRs contain the client, or null
 * @param targets appliances in rotation, best first, then origin
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SteeringAnswer(String client, @Nullable String network, List<SteeringTarget> targets) {}
