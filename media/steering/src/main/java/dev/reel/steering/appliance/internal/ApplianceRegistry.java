package dev.reel.steering.appliance.internal;

import dev.reel.steering.SteeringProperties;
import dev.reel.steering.appliance.Appliance;
import dev.reel.steering.appliance.ApplianceReport;
import dev.reel.steering.appliance.ApplianceReports;
import dev.reel.steering.appliance.Appliances;
import dev.reel.steering.appliance.Cidr;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The registry: live state in memory (reports arrive every couple of seconds, and steering reads it on every
 * session start), each appliance's last report also in PostgreSQL so a restarted instance knows the fleet. Appliances
 * loaded at start stay out of rotation until they report to this instance.
 */
@Service
class ApplianceRegistry implements Appliances, ApplianceReports {

    private static final Logger log = LoggerFactory.getLogger(ApplianceRegistry.class);

    /** One appliance's last report; {@code live} is false for a report loaded from the database. */
    private record Entry(ApplianceReport report, List<Cidr> networks, Instant receivedAt, boolean live) {}

    private final ApplianceRepository repository;
    private final Clock clock;
    private final Duration timeout;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    ApplianceRegistry(ApplianceRepository repository, Clock clock, SteeringProperties properties) {
        this.repository = repository;
        this.clock = clock;
        this.timeout = properties.applianceTimeout();
        for (ApplianceRepository.Stored stored : repository.findAll()) {
            List<Cidr> networks = parseLeniently(stored.report());
            entries.put(
                    stored.report().applianceId(), new Entry(stored.report(), networks, stored.receivedAt(), false));
        }
        if (!entries.isEmpty()) {
            log.info("known appliances {}, out of rotation until they report", entries.keySet());
        }
    }

    @Override
    public Appliance record(ApplianceReport report) {
        List<Cidr> networks = report.cidrs().stream().map(Cidr::parse).toList();
        Instant now = clock.instant();
        Entry entry = new Entry(report, networks, now, true);
        Entry previous = entries.put(report.applianceId(), entry);
        if (previous == null || !inRotation(previous, now)) {
            log.info("appliance {} at {} is in rotation", report.applianceId(), report.baseUrl());
        }
        repository.save(report, now);
        return view(entry, now);
    }

    @Override
    public List<Appliance> all() {
        Instant now = clock.instant();
        List<Appliance> all = new ArrayList<>();
        for (Entry entry : entries.values()) {
            all.add(view(entry, now));
        }
        all.sort(Comparator.comparing(Appliance::id));
        return all;
    }

    @Override
    public Optional<Appliance> find(String applianceId) {
        Entry entry = entries.get(applianceId);
        return entry == null ? Optional.empty() : Optional.of(view(entry, clock.instant()));
    }

    private Appliance view(Entry entry, Instant now) {
        return new Appliance(entry.report(), entry.networks(), entry.receivedAt(), inRotation(entry, now));
    }

    private boolean inRotation(Entry entry, Instant now) {
        return entry.live() && !entry.receivedAt().plus(timeout).isBefore(now);
    }

    /** The CIDRs of a stored report that still parse (a report was validated when received). */
    private static List<Cidr> parseLeniently(ApplianceReport report) {
        List<Cidr> networks = new ArrayList<>();
        for (String cidr : report.cidrs()) {
            try {
                networks.add(Cidr.parse(cidr));
            } catch (IllegalArgumentException e) {
                log.warn("appliance {}: ignoring CIDR {}", report.applianceId(), cidr);
            }
        }
        return networks;
    }
}
