package dev.reel.steering.fill;

import dev.reel.steering.appliance.FetchTitle;
import dev.reel.steering.appliance.Tier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places titles by value density: a 0/1 knapsack per network, value = predicted bytes requested, cost = size,
 * maximising the expected byte hit ratio.
 *
 * <h2>Algorithm, per network</h2>
 *
 * <ol>
 *   <li>Order the network's appliances flash first, then storage (each by id), and the titles with demand by density
 *       ({@code predictedBytes / bytes}) descending; ties go to titles an appliance of the network already holds (no
 *       fetch), then to the larger demand, then to the id.
 *   <li><b>Greedy.</b> Walk the titles in that order and put each on the first appliance with room, preferring among
 *       appliances of the first tier with room one that already holds the version. Flash therefore takes the densest
 *       titles, and storage the next ones.
 *   <li><b>Fill the gap.</b> A title that fits nowhere does not stop the walk: smaller titles further down still go
 *       into what is left, so no appliance keeps a gap that a remaining title could use.
 *   <li><b>Keep what fits.</b> Titles an appliance holds that were not placed (no predicted demand, or not dense
 *       enough) stay on it if they still fit in its remaining room, densest first: dropping them frees nothing useful
 *       and they may still be asked for.
 *   <li><b>Pin.</b> On a flash appliance the densest placed titles are pinned until they fill {@link
 *       Builder#pinShare} of its capacity.
 * </ol>
 *
 * <p>Why greedy: sorted by density, the greedy walk is optimal for the fractional knapsack, and the 0/1 solution
 * differs from it by at most the one title that did not fit at the break point. Titles are small next to an
 * appliance (a few GB against tens of TB), so the loss is a fraction of one title's value; the gap pass recovers most
 * of that. An exact dynamic program would cost {@code O(titles × capacity)} for a gain below the forecast's noise.
 * Each title is placed at most once per network (no replicas), so a network's capacity holds as many titles as
 * possible; steering sends a client to the appliance that holds the title.
 *
 * <p>Cost: {@code O(T log T + T·A)} per network for {@code T} titles and {@code A} appliances.
 */
public final class DensityFillPlanner implements FillPlanner {

    private final double pinShare;

    private DensityFillPlanner(Builder builder) {
        this.pinShare = builder.pinShare;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The share of a flash appliance's capacity its densest titles are pinned up to. */
    public double pinShare() {
        return pinShare;
    }

    @Override
    public FillPlan plan(List<TitleDemand> titles, List<ApplianceSlot> appliances) {
        Map<String, TitleDemand> byId = new LinkedHashMap<>();
        for (TitleDemand title : titles) {
            if (byId.put(title.titleId(), title) != null) {
                throw new IllegalArgumentException("Title " + title.titleId() + " appears twice");
            }
        }
        Map<String, List<ApplianceSlot>> networks = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (ApplianceSlot appliance : appliances) {
            if (!ids.add(appliance.id())) {
                throw new IllegalArgumentException("Appliance " + appliance.id() + " appears twice");
            }
            networks.computeIfAbsent(appliance.network(), n -> new ArrayList<>())
                    .add(appliance);
        }
        double totalDemand =
                titles.stream().mapToDouble(TitleDemand::predictedBytes).sum();
        Map<String, Placement> placements = new HashMap<>();
        for (List<ApplianceSlot> network : networks.values()) {
            for (Placement placement : planNetwork(byId, network, totalDemand)) {
                placements.put(placement.applianceId(), placement);
            }
        }
        return new FillPlan(appliances.stream().map(a -> placements.get(a.id())).toList());
    }

    private static final class Bin {
        final ApplianceSlot slot;
        final List<TitleDemand> titles = new ArrayList<>();
        long used;

        Bin(ApplianceSlot slot) {
            this.slot = slot;
        }

        boolean fits(TitleDemand title) {
            return used + title.bytes() <= slot.capacityBytes();
        }

        void add(TitleDemand title) {
            titles.add(title);
            used += title.bytes();
        }

        boolean holds(TitleDemand title) {
            return title.version().equals(slot.held().get(title.titleId()));
        }
    }

    private List<Placement> planNetwork(
            Map<String, TitleDemand> catalog, List<ApplianceSlot> appliances, double totalDemand) {
        List<Bin> bins = appliances.stream()
                .sorted(Comparator.comparing((ApplianceSlot a) -> a.tier() == Tier.FLASH ? 0 : 1)
                        .thenComparing(ApplianceSlot::id))
                .map(Bin::new)
                .toList();
        Set<String> heldInNetwork = new HashSet<>();
        for (ApplianceSlot appliance : appliances) {
            heldInNetwork.addAll(appliance.held().keySet());
        }
        Comparator<TitleDemand> byDensity = Comparator.comparingDouble(TitleDemand::density)
                .reversed()
                .thenComparing(t -> heldInNetwork.contains(t.titleId()) ? 0 : 1)
                .thenComparing(
                        Comparator.comparingDouble(TitleDemand::predictedBytes).reversed())
                .thenComparing(TitleDemand::titleId);
        List<TitleDemand> wanted = catalog.values().stream()
                .filter(t -> t.bytes() > 0 && t.predictedBytes() > 0)
                .sorted(byDensity)
                .toList();

        // Greedy by density; a title that fits nowhere is skipped, so smaller ones below still fill the gaps.
        Set<String> placed = new HashSet<>();
        for (TitleDemand title : wanted) {
            Bin target = null;
            for (Bin bin : bins) {
                if (!bin.fits(title)) {
                    continue;
                }
                if (target == null) {
                    target = bin;
                    if (bin.holds(title)) {
                        break;
                    }
                } else if (bin.slot.tier() != target.slot.tier()) {
                    break;
                } else if (bin.holds(title)) {
                    target = bin;
                    break;
                }
            }
            if (target != null) {
                target.add(title);
                placed.add(title.titleId());
            }
        }

        // Keep held titles that were not placed, where they still fit.
        for (Bin bin : bins) {
            List<TitleDemand> keep = new ArrayList<>();
            for (var held : bin.slot.held().entrySet()) {
                TitleDemand title = catalog.get(held.getKey());
                if (title != null
                        && title.version().equals(held.getValue())
                        && title.bytes() > 0
                        && !placed.contains(title.titleId())) {
                    keep.add(title);
                }
            }
            keep.sort(byDensity);
            for (TitleDemand title : keep) {
                if (bin.fits(title)) {
                    bin.add(title);
                    placed.add(title.titleId());
                }
            }
        }

        List<Placement> result = new ArrayList<>();
        for (Bin bin : bins) {
            result.add(placement(bin, totalDemand));
        }
        return result;
    }

    private Placement placement(Bin bin, double totalDemand) {
        ApplianceSlot slot = bin.slot;
        List<PlacedTitle> titles = new ArrayList<>();
        List<FetchTitle> fetch = new ArrayList<>();
        List<String> pinned = new ArrayList<>();
        Set<String> planned = new HashSet<>();
        double value = 0;
        long pinnedBytes = 0;
        long pinBudget = (long) Math.floor(slot.capacityBytes() * pinShare);
        for (TitleDemand title : bin.titles) {
            titles.add(new PlacedTitle(title.titleId(), title.version(), title.bytes(), title.predictedBytes()));
            planned.add(title.titleId());
            value += title.predictedBytes();
            if (!bin.holds(title)) {
                fetch.add(new FetchTitle(title.titleId(), title.version()));
            }
            if (slot.tier() == Tier.FLASH
                    && title.predictedBytes() > 0
                    && pinnedBytes + title.bytes() <= pinBudget
                    && pinned.size() == titles.size() - 1) {
                pinned.add(title.titleId());
                pinnedBytes += title.bytes();
            }
        }
        List<String> drop = slot.held().keySet().stream()
                .filter(id -> !planned.contains(id))
                .sorted()
                .toList();
        double ratio = totalDemand == 0 ? 0 : value / totalDemand;
        return new Placement(
                slot.id(),
                slot.network(),
                slot.tier(),
                slot.capacityBytes(),
                titles,
                bin.used,
                ratio,
                fetch,
                drop,
                pinned);
    }

    /** Builds a {@link DensityFillPlanner}; not thread-safe. */
    public static final class Builder {

        private double pinShare = 0.8;

        private Builder() {}

        /**
         * The share of a flash appliance's capacity that its densest titles are pinned up to; default 0.8, 0 pins
         * nothing.
         *
         * @throws IllegalArgumentException outside [0, 1]
         */
        public Builder pinShare(double pinShare) {
            if (!(pinShare >= 0 && pinShare <= 1)) {
                throw new IllegalArgumentException("Pin share must be in [0, 1]: " + pinShare);
            }
            this.pinShare = pinShare;
            return this;
        }

        public DensityFillPlanner build() {
            return new DensityFillPlanner(this);
        }
    }
}
