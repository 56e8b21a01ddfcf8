package dev.reel.steering.fill.internal;

import dev.reel.kit.web.ProblemException;
import dev.reel.origin.OriginStore;
import dev.reel.origin.Publication;
import dev.reel.steering.SteeringProperties;
import dev.reel.steering.appliance.Appliance;
import dev.reel.steering.appliance.ApplianceInstructions;
import dev.reel.steering.appliance.ApplianceReport;
import dev.reel.steering.appliance.Appliances;
import dev.reel.steering.appliance.FetchTitle;
import dev.reel.steering.appliance.HeldTitle;
import dev.reel.steering.appliance.PlanInstructions;
import dev.reel.steering.fill.ApplianceSlot;
import dev.reel.steering.fill.DensityFillPlanner;
import dev.reel.steering.fill.FillPlan;
import dev.reel.steering.fill.FillPlanner;
import dev.reel.steering.fill.FillPlans;
import dev.reel.steering.fill.FillWindow;
import dev.reel.steering.fill.PlacedTitle;
import dev.reel.steering.fill.PlanSummary;
import dev.reel.steering.fill.PlanTrigger;
import dev.reel.steering.fill.TitleDemand;
import dev.reel.steering.popularity.Popularity;
import dev.reel.steering.popularity.TitleDemandForecast;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes fill plans from the origin catalog (current versions and sizes), the popularity forecast and the fleet's last
 * reports, stores them, and answers each appliance's report with its part of the latest plan.
 *
 * <p>A title's predicted bytes over {@code reel.steering.fill.horizon} are its decayed bytes watched projected (from
 * heartbeats), or, for a title no heartbeat reported yet, its predicted views times its size times {@code
 * reel.steering.fill.watched-fraction}. Every known appliance is planned, in rotation or not, so one that comes
 * back finds its plan waiting. Appliances announcing the same CIDRs form one network (named after the first of them by
 * id) and share the demand. A title counts as held only when the appliance reports all of its current version's
 * bytes; a partly held title is fetched (the edge fills the objects it lacks) and never dropped for being partial.
 */
@Service
class FillService implements FillPlans, ApplianceInstructions {

    private static final Logger log = LoggerFactory.getLogger(FillService.class);

    private final PlanRepository plans;
    private final Popularity popularity;
    private final Appliances appliances;
    private final OriginStore origin;
    private final Clock clock;
    private final SteeringProperties.Fill settings;
    private final FillPlanner planner;
    private final @Nullable FillWindow window;

    FillService(
            PlanRepository plans,
            Popularity popularity,
            Appliances appliances,
            OriginStore origin,
            Clock clock,
            SteeringProperties properties) {
        this.plans = plans;
        this.popularity = popularity;
        this.appliances = appliances;
        this.origin = origin;
        this.clock = clock;
        this.settings = properties.fill();
        this.planner =
                DensityFillPlanner.builder().pinShare(settings.pinShare()).build();
        this.window = settings.window().isBlank() ? null : FillWindow.parse(settings.window());
    }

    @Override
    @Transactional
    public PlanSummary planNow(PlanTrigger trigger) {
        return plan(UUID.randomUUID(), trigger);
    }

    /**
     * Plans once per day of the off-peak window, if it is open now. Several instances may call this at once: the
     * first claims the day in the same transaction that stores the plan, the others find it claimed.
     *
     * @return the plan made, or empty when the window is closed, switched off, or the day's run already happened
     */
    @Transactional
    public Optional<PlanSummary> planOffPeakIfDue() {
        if (window == null) {
            return Optional.empty();
        }
        Optional<LocalDate> day = window.openDay(clock.instant().atZone(settings.zone()));
        if (day.isEmpty()) {
            return Optional.empty();
        }
        UUID planId = UUID.randomUUID();
        if (!plans.claimWindow(day.get(), window + " " + settings.zone().getId(), planId)) {
            return Optional.empty();
        }
        PlanSummary plan = plan(planId, PlanTrigger.OFF_PEAK);
        log.info("off-peak fill plan {} for {} ({} {})", planId, day.get(), window, settings.zone());
        return Optional.of(plan);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PlanSummary> latest() {
        return plans.latest();
    }

    @Override
    @Transactional(readOnly = true)
    public @Nullable PlanInstructions forReport(ApplianceReport report) {
        var stored = plans.latestFor(report.applianceId());
        if (stored.isEmpty()) {
            return null;
        }
        String planId = stored.get().planId().toString();
        if (planId.equals(report.appliedPlanId())) {
            return null;
        }
        Set<String> planned = new HashSet<>();
        List<FetchTitle> fetch = new ArrayList<>();
        for (PlacedTitle title : stored.get().titles()) {
            planned.add(title.titleId());
            boolean held = report.heldTitles().stream()
                    .anyMatch(
                            h -> h.titleId().equals(title.titleId()) && isComplete(h, title.version(), title.bytes()));
            if (!held) {
                fetch.add(new FetchTitle(title.titleId(), title.version()));
            }
        }
        List<String> drop = report.heldTitles().stream()
                .map(HeldTitle::titleId)
                .filter(id -> !planned.contains(id))
                .distinct()
                .sorted()
                .toList();
        return new PlanInstructions(planId, fetch, drop, stored.get().pinned());
    }

    private PlanSummary plan(UUID planId, PlanTrigger trigger) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, Publication> catalog = catalog();
        Map<String, TitleDemandForecast> forecasts = new HashMap<>();
        for (TitleDemandForecast forecast : popularity.forecast(now, settings.horizon())) {
            forecasts.put(forecast.titleId(), forecast);
        }
        List<TitleDemand> titles = new ArrayList<>();
        for (Publication publication : catalog.values()) {
            TitleDemandForecast forecast = forecasts.get(publication.titleId());
            titles.add(new TitleDemand(
                    publication.titleId(),
                    publication.version(),
                    publication.totalBytes(),
                    forecast == null ? 0 : predictedBytes(forecast, publication.totalBytes())));
        }
        List<ApplianceSlot> slots = slots(appliances.all(), catalog);
        FillPlan plan = planner.plan(titles, slots);
        plans.insert(planId, now, trigger, plan.placements());
        log.info(
                "fill plan {} ({}): {} titles with demand, {} appliances",
                planId,
                trigger,
                titles.stream().filter(t -> t.predictedBytes() > 0).count(),
                slots.size());
        return PlanSummary.of(planId.toString(), now, trigger, plan.placements());
    }

    /**
     * Bytes expected to be requested: from bytes watched (heartbeats) when there are any, else from views, each
     * requesting {@code watched-fraction} of the title.
     */
    private double predictedBytes(TitleDemandForecast forecast, long titleBytes) {
        if (forecast.predictedWatchedBytes() > 0) {
            return forecast.predictedWatchedBytes();
        }
        return forecast.predictedViews() * settings.watchedFraction() * titleBytes;
    }

    /**
     * Whether a reported title is {@code version} in full. Objects a miss filled make a title partly held: the plan
     * still fetches it (the edge fills only the objects it lacks).
     */
    private static boolean isComplete(HeldTitle held, String version, long bytes) {
        return version.equals(held.version()) && held.bytes() >= bytes;
    }

    /** Every title with a current version in origin. */
    private Map<String, Publication> catalog() {
        Map<String, Publication> catalog = new TreeMap<>();
        try {
            for (String titleId : origin.titles()) {
                origin.current(titleId).ifPresent(p -> catalog.put(titleId, p));
            }
        } catch (IOException e) {
            throw new ProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE, "Origin unavailable", "Cannot list origin: " + e.getMessage());
        }
        return catalog;
    }

    private static List<ApplianceSlot> slots(List<Appliance> fleet, Map<String, Publication> catalog) {
        Map<String, String> networkNames = new HashMap<>();
        for (Appliance appliance : fleet) { // ordered by id: the first of a network names it
            networkNames.putIfAbsent(appliance.networkKey(), appliance.id());
        }
        List<ApplianceSlot> slots = new ArrayList<>();
        for (Appliance appliance : fleet) {
            Map<String, String> held = new HashMap<>();
            for (HeldTitle title : appliance.report().heldTitles()) {
                Publication current = catalog.get(title.titleId());
                if (current != null && isComplete(title, current.version(), current.totalBytes())) {
                    held.put(title.titleId(), current.version());
                } else {
                    held.putIfAbsent(title.titleId(), ApplianceSlot.NOT_IN_FULL);
                }
            }
            slots.add(new ApplianceSlot(
                    appliance.id(),
                    networkNames.get(appliance.networkKey()),
                    appliance.report().tier(),
                    appliance.report().capacityBytes(),
                    held));
        }
        return slots;
    }
}
