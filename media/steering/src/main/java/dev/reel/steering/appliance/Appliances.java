package dev.reel.steering.appliance;

import java.util.List;
import java.util.Optional;

/**
 * The appliance registry: every appliance that ever reported (persisted, so a restarted steering knows its fleet) and
 * which of them are in rotation. An appliance is in rotation while its last report to this instance is younger than
 * {@code reel.steering.appliance-timeout}; after a restart none is until it reports again.
 */
public interface Appliances {

    /** Every known appliance, in rotation or not, ordered by id. */
    List<Appliance> all();

    /** The appliances in rotation, ordered by id. */
    default List<Appliance> inRotation() {
        return all().stream().filter(Appliance::inRotation).toList();
    }

    /** One appliance by id. */
    Optional<Appliance> find(String applianceId);
}
