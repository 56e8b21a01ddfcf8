package dev.reel.steering.steer;

import dev.reel.kit.web.ProblemException;
import dev.reel.origin.OriginStore;
import dev.reel.origin.Publication;
import dev.reel.steering.SteeringProperties;
import dev.reel.steering.appliance.Appliance;
import dev.reel.steering.appliance.Appliances;
import dev.reel.steering.appliance.Cidr;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/cdn/steering?title=&client=} (any authenticated caller; playback asks it for every new session):
 * the appliances in rotation ordered by {@link TargetRanking}, then origin.
 */
@RestController
class SteeringController {

    private static final Logger log = LoggerFactory.getLogger(SteeringController.class);

    private final Appliances appliances;
    private final OriginStore origin;
    private final String originUrl;

    SteeringController(Appliances appliances, OriginStore origin, SteeringProperties properties) {
        this.appliances = appliances;
        this.origin = origin;
        String url = properties.originUrl().toString();
        this.originUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @GetMapping(path = "/api/v1/cdn/steering", produces = "application/json")
    SteeringAnswer steer(@RequestParam String title, @RequestParam String client) {
        String titleId = titleId(title);
        InetAddress address;
        try {
            address = Cidr.parseAddress(client);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("client must be an IPv4 or IPv6 address, was '" + client + "'");
        }
        String version = currentVersion(titleId);

        List<Appliance> known = appliances.all();
        String network = null;
        for (Appliance appliance : known) {
            if (contains(appliance, address)) {
                network = appliance.id();
                break;
            }
        }
        Map<String, Appliance> byId = new HashMap<>();
        List<TargetRanking.Candidate> candidates = new ArrayList<>();
        for (Appliance appliance : known) {
            if (!appliance.inRotation()) {
                continue;
            }
            byId.put(appliance.id(), appliance);
            candidates.add(new TargetRanking.Candidate(
                    appliance.id(),
                    contains(appliance, address),
                    version != null && appliance.holds(titleId, version),
                    appliance.report().openConnections(),
                    appliance.report().throughputBps(),
                    appliance.report().capacityBytes()));
        }
        List<SteeringTarget> targets = new ArrayList<>();
        for (TargetRanking.Candidate candidate : TargetRanking.order(candidates)) {
            Appliance appliance = byId.get(candidate.id());
            String baseUrl = appliance.report().baseUrl();
            targets.add(new SteeringTarget(
                    candidate.id(),
                    baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl,
                    TargetKind.APPLIANCE,
                    candidate.sameNetwork(),
                    candidate.holdsTitle()));
        }
        targets.add(new SteeringTarget("origin", originUrl, TargetKind.ORIGIN, false, version != null));
        return new SteeringAnswer(client.strip(), network, targets);
    }

    private static String titleId(String title) {
        String value = title.strip();
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equalsIgnoreCase(value)) {
                return id.toString();
            }
        } catch (IllegalArgumentException e) {
            // falls through to the problem below
        }
        throw ProblemException.badRequest("title must be a title id (UUID), was '" + title + "'");
    }

    /** The title's current origin version; null when it has none or origin cannot say (logged). */
    private @Nullable String currentVersion(String titleId) {
        try {
            Optional<Publication> current = origin.current(titleId);
            return current.map(Publication::version).orElse(null);
        } catch (IOException e) {
            log.warn("cannot read the current version of {} from origin: {}", titleId, e.getMessage());
            return null;
        }
    }

    private static boolean contains(Appliance appliance, InetAddress address) {
        for (Cidr cidr : appliance.networks()) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
