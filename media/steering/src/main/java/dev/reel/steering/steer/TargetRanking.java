package dev.reel.steering.steer;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Orders appliances for one client and title. Pure and stateless.
 *
 * <ol>
 *   <li>Same network first: the client's ISP hosts the appliance, so bytes never cross a peering link.
 *   <li>Then appliances that hold the title's current version: a hit instead of a fill from origin.
 *   <li>Then the least loaded relative to its share: load is the mean of the appliance's share of the candidates' open
 *       connections and of their throughput; share is its share of the candidates' capacity. An appliance carrying
 *       less than its share comes first. Ties go by id.
 * </ol>
 */
public final class TargetRanking {

    /**
     * An appliance to rank.
     *
     * @param id its id
     * @param sameNetwork whether the client is in its CIDRs
     * @param holdsTitle whether it holds the title's current version
     * @param openConnections open client connections in its last report
     * @param throughputBps bytes per second sent over its last report interval
     * @param capacityBytes its cache capacity, the weight of its share
     */
    public record Candidate(
            String id,
            boolean sameNetwork,
            boolean holdsTitle,
            long openConnections,
            long throughputBps,
            long capacityBytes) {

        public Candidate {
            Objects.requireNonNull(id, "id");
        }
    }

    private TargetRanking() {}

    /** The candidates, best first. */
    public static List<Candidate> order(List<Candidate> candidates) {
        double connections =
                candidates.stream().mapToDouble(Candidate::openConnections).sum();
        double throughput =
                candidates.stream().mapToDouble(Candidate::throughputBps).sum();
        double capacity =
                candidates.stream().mapToDouble(Candidate::capacityBytes).sum();
        Comparator<Candidate> order = Comparator.comparing((Candidate c) -> !c.sameNetwork())
                .thenComparing(c -> !c.holdsTitle())
                .thenComparingDouble(c -> load(c, connections, throughput, capacity, candidates.size()))
                .thenComparing(Candidate::id);
        return candidates.stream().sorted(order).toList();
    }

    /** Load over share: below 1 means the appliance carries less than its share of the candidates' load. */
    static double load(Candidate c, double connections, double throughput, double capacity, int count) {
        double used = ((connections == 0 ? 0 : c.openConnections() / connections)
                        + (throughput == 0 ? 0 : c.throughputBps() / throughput))
                / 2;
        double share = capacity == 0 ? 1.0 / count : c.capacityBytes() / capacity;
        return share == 0 ? Double.MAX_VALUE : used / share;
    }
}
