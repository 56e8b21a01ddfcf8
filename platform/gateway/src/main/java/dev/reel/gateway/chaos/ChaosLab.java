package dev.reel.gateway.chaos;

import dev.reel.resilience.ChaosFault;
import dev.reel.resilience.ChaosSigner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;

/**
 * The gateway's chaos state: faults applied to all forwarded traffic and ChAP experiments applied to a sticky cohort
 * of accounts. Everything lives in this gateway's memory, so faults and experiments end when the gateway stops (and
 * a gateway restart forgets them); the signed headers already sent expire on their own at the fault's end.
 *
 * <p>Chaos is on only while the shared key file exists ({@code reel.gateway.chaos.key-file}); it is read again on each
 * attempt to create something until it appears. Creating anything without it throws {@link ChaosOffException}.
 *
 * <p>Cohorts: for the running experiment, an account ({@code sub}) sits at {@code u = hash(experimentId + sub)} in
 * [0, 1); {@code u < traffic} is control, {@code traffic <= u < 2 traffic} is the experiment, anything else is in
 * neither. Requests without an account are in neither. {@link #check()}, run every second, ends experiments at their
 * end time and stops harmful ones (see {@link ExperimentVerdict}).
 *
 * <p>Metrics: counter {@code reel.chaos.starts{cohort, outcome=started|rejected|failed}}, gauge {@code
 * reel.chaos.experiments.running}. Thread-safe.
 */
public final class ChaosLab implements AutoCloseable {

    /** The request counted as a stream start. */
    static final String STARTS_PATH = "/api/v1/playback/sessions";

    static final int HISTORY = 20;
    static final int MAX_DURATION_SECONDS = 3600;

    private static final Logger log = LoggerFactory.getLogger(ChaosLab.class);

    private final Path keyFile;
    private final Clock clock;
    private final Map<String, ActiveFault> faults = new ConcurrentHashMap<>();
    private final Deque<Trial> ended = new ArrayDeque<>();
    private final Map<String, Counter> startCounters = new HashMap<>();
    private final ScheduledExecutorService scheduler;

    private volatile @Nullable ChaosSigner signer;
    private volatile @Nullable Trial running;

    /**
     * @param keyFile the shared chaos key; missing means chaos is off
     * @param clock the time source for fault ends and verdicts
     */
    public ChaosLab(Path keyFile, Clock clock, MeterRegistry meters) {
        this.keyFile = keyFile;
        this.clock = clock;
        for (String cohort : List.of("control", "experiment")) {
            for (String outcome : List.of("started", "rejected", "failed")) {
                startCounters.put(
                        cohort + "/" + outcome,
                        Counter.builder("reel.chaos.starts")
                                .tag("cohort", cohort)
                                .tag("outcome", outcome)
                                .description("Playback starts of ChAP cohorts by outcome")
                                .register(meters));
            }
        }
        Gauge.builder("reel.chaos.experiments.running", this, lab -> lab.running == null ? 0 : 1)
                .description("Whether a ChAP experiment is running")
                .register(meters);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("chaos-check").factory());
        signer();
    }

    /** Runs {@link #check()} every {@code period} until {@link #close()}. */
    public void startChecks(Duration period) {
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        check();
                    } catch (RuntimeException e) {
                        log.warn("chaos check failed", e);
                    }
                },
                period.toMillis(),
                period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Whether the key is present. */
    public boolean enabled() {
        return signer() != null;
    }

    /** Whether anything is to be stamped or counted: a fault in force or a running experiment. */
    public boolean active() {
        return !faults.isEmpty() || running != null;
    }

    /** The faults in force, the running experiment and the recently ended ones. */
    public ChaosOverview overview() {
        Instant now = clock.instant();
        List<Experiment> experiments = new ArrayList<>();
        synchronized (this) {
            Trial trial = running;
            if (trial != null) {
                experiments.add(trial.view(now));
            }
            ended.forEach(t -> experiments.add(t.view(now)));
        }
        return new ChaosOverview(enabled(), faults(), experiments);
    }

    /** The faults in force, oldest first. */
    public List<Fault> faults() {
        Instant now = clock.instant();
        faults.values().removeIf(f -> !f.fault().until().isAfter(now));
        return faults.values().stream()
                .sorted(Comparator.comparing(ActiveFault::startedAt))
                .map(ActiveFault::view)
                .toList();
    }

    /**
     * Starts a fault on every forwarded request.
     *
     * @throws IllegalArgumentException on bad input, with a message for the caller
     * @throws ChaosOffException without a key
     */
    public Fault addFault(FaultRequest request) {
        ChaosSigner key = requireSigner();
        ChaosFault.Kind kind = ChaosFault.Kind.parse(required(request.fault(), "fault"));
        if (kind == ChaosFault.Kind.KILL) {
            throw new IllegalArgumentException(
                    "fault must be latency or errors (to kill instances, use reel chaos monkey)");
        }
        // Milliseconds, as in the signed fault, so that the API's endsAt is the header's until.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int seconds = within(request.durationSeconds(), 600, 1, MAX_DURATION_SECONDS, "durationSeconds");
        ChaosFault fault = new ChaosFault(
                UUID.randomUUID().toString(),
                required(request.target(), "target"),
                kind,
                within(request.percent(), 100, 1, 100, "percent"),
                latency(kind, request.latencyMs()),
                now.plusSeconds(seconds));
        ActiveFault active = new ActiveFault(fault, key.sign(fault), now);
        faults.put(fault.id(), active);
        log.warn(
                "chaos: fault {} started: {} {} on {} for {} s",
                fault.id(),
                fault.kind().label(),
                fault.percent() + " %",
                fault.target(),
                seconds);
        return active.view();
    }

    /**
     * Ends faults.
     *
     * @param target only this service's, or all when {@code null}
     * @return how many were ended
     */
    public int clearFaults(@Nullable String target) {
        List<String> ids = faults.values().stream()
                .filter(f -> target == null || f.fault().target().equals(target))
                .map(f -> f.fault().id())
                .toList();
        int cleared = (int) ids.stream().filter(id -> faults.remove(id) != null).count();
        if (cleared > 0) {
            log.warn("chaos: {} fault(s) cleared{}", cleared, target == null ? "" : " on " + target);
        }
        return cleared;
    }

    /** Ends one fault; {@code false} if there is no such fault in force. */
    public boolean removeFault(String id) {
        ActiveFault removed = faults.remove(id);
        if (removed != null) {
            log.warn("chaos: fault {} cleared", id);
        }
        return removed != null && removed.fault().until().isAfter(clock.instant());
    }

    /**
     * Starts a ChAP experiment.
     *
     * @throws IllegalArgumentException on bad input, with a message for the caller
     * @throws ChaosOffException without a key
     * @throws IllegalStateException while another experiment runs
     */
    public synchronized Experiment startExperiment(ExperimentRequest request) {
        ChaosSigner key = requireSigner();
        Trial current = running;
        if (current != null) {
            throw new IllegalStateException("experiment " + current.id + " is running; stop it first");
        }
        ChaosFault.Kind kind = ChaosFault.Kind.parse(required(request.fault(), "fault"));
        // Milliseconds, as in the signed fault, so that the API's endsAt is the header's until.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int seconds = within(request.durationSeconds(), 300, 1, MAX_DURATION_SECONDS, "durationSeconds");
        int traffic = within(request.trafficPercent(), 5, 1, 50, "trafficPercent");
        int margin = within(request.marginPercent(), 10, 1, 100, "marginPercent");
        int minStarts = within(request.minStarts(), 20, 1, 1_000_000, "minStarts");
        ChaosFault fault = new ChaosFault(
                UUID.randomUUID().toString(),
                required(request.target(), "target"),
                kind,
                within(request.percent(), 100, 1, 100, "percent"),
                latency(kind, request.latencyMs()),
                now.plusSeconds(seconds));
        Trial trial = new Trial(fault, key.sign(fault), traffic, margin, minStarts, now);
        running = trial;
        log.warn(
                "chaos: experiment {} started: {} {} % on {} for {} % + {} % of accounts, {} s, margin {} %",
                trial.id, kind.label(), fault.percent(), fault.target(), traffic, traffic, seconds, margin);
        return trial.view(now);
    }

    /** The experiment, running or among the last ended ones. */
    public synchronized Optional<Experiment> experiment(String id) {
        return find(id).map(t -> t.view(clock.instant()));
    }

    /** Stops the experiment if it runs (an ended one is returned as it is); empty if unknown. */
    public synchronized Optional<Experiment> stopExperiment(String id) {
        Optional<Trial> trial = find(id);
        trial.filter(Trial::running).ifPresent(t -> end(t, Experiment.State.STOPPED_BY_USER, "stopped by an admin"));
        return trial.map(t -> t.view(clock.instant()));
    }

    /**
     * Ends the running experiment at its end time, or stops it when it is harmful; drops expired faults. Called every
     * second once {@link #startChecks} ran.
     */
    public synchronized void check() {
        Instant now = clock.instant();
        faults.values().removeIf(f -> !f.fault().until().isAfter(now));
        Trial trial = running;
        if (trial == null) {
            return;
        }
        if (!now.isBefore(trial.endsAt)) {
            end(trial, Experiment.State.COMPLETED, "ran its full duration without harm beyond the margin");
            return;
        }
        ExperimentVerdict.harm(
                        trial.control.figures(),
                        trial.experiment.figures(),
                        trial.minStarts,
                        trial.marginPercent / 100.0)
                .ifPresent(reason -> end(trial, Experiment.State.STOPPED_HARMFUL, reason));
    }

    /**
     * What to add to one forwarded request and how to count its answer.
     *
     * @param account the caller's account ({@code sub}), or {@code null} when anonymous
     */
    public Ticket admit(@Nullable String account, HttpMethod method, String path) {
        Instant now = clock.instant();
        List<String> headers = new ArrayList<>(faults.size() + 1);
        for (ActiveFault fault : faults.values()) {
            if (fault.fault().until().isAfter(now)) {
                headers.add(fault.signed());
            }
        }
        Trial trial = running;
        if (trial == null || account == null) {
            return new Ticket(headers, null, null, null, false);
        }
        double u = position(trial.id, account);
        String cohort;
        Trial.Counters counters;
        if (u < trial.traffic) {
            cohort = "control";
            counters = trial.control;
        } else if (u < 2 * trial.traffic) {
            cohort = "experiment";
            counters = trial.experiment;
            headers.add(trial.signedFault);
        } else {
            return new Ticket(headers, null, null, null, false);
        }
        counters.seen(account);
        boolean start = HttpMethod.POST.equals(method) && STARTS_PATH.equals(path);
        return new Ticket(headers, cohort, counters, this, start);
    }

    /** Where an account sits for an experiment: the first 53 bits of SHA-256(experimentId + account) in [0, 1). */
    static double position(String experimentId, String account) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((experimentId + account).getBytes(StandardCharsets.UTF_8));
            return (ByteBuffer.wrap(hash).getLong() >>> 11) / (double) (1L << 53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private void end(Trial trial, Experiment.State how, String reason) {
        Instant now = clock.instant();
        trial.end(how, reason, now);
        if (running == trial) {
            running = null;
        }
        ended.addFirst(trial);
        while (ended.size() > HISTORY) {
            ended.removeLast();
        }
        Experiment view = trial.view(now);
        log.warn(
                "chaos: experiment {} on {} ended {}: {} (control {} starts by {} accounts, experiment {} starts by {}"
                        + " accounts)",
                trial.id,
                trial.fault.target(),
                how,
                reason,
                view.control().starts(),
                view.control().accounts(),
                view.experiment().starts(),
                view.experiment().accounts());
    }

    private Optional<Trial> find(String id) {
        Trial trial = running;
        if (trial != null && trial.id.equals(id)) {
            return Optional.of(trial);
        }
        return ended.stream().filter(t -> t.id.equals(id)).findFirst();
    }

    private ChaosSigner requireSigner() {
        ChaosSigner key = signer();
        if (key == null) {
            throw new ChaosOffException("chaos is off: there is no key at " + keyFile);
        }
        return key;
    }

    private @Nullable ChaosSigner signer() {
        ChaosSigner key = signer;
        if (key != null) {
            return key;
        }
        synchronized (keyFile) {
            if (signer == null) {
                try {
                    signer = ChaosSigner.fromKeyFile(keyFile).orElse(null);
                } catch (IOException | IllegalArgumentException e) {
                    log.warn("chaos: cannot read the key at {}: {}", keyFile, e.toString());
                }
            }
            return signer;
        }
    }

    private void counted(String cohort, String outcome) {
        startCounters.get(cohort + "/" + outcome).increment();
    }

    private static String required(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.strip();
    }

    private static int within(@Nullable Integer value, int fallback, int min, int max, String name) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + v);
        }
        return v;
    }

    private static int latency(ChaosFault.Kind kind, @Nullable Integer latencyMs) {
        int ms = latencyMs == null ? 0 : latencyMs;
        if (kind == ChaosFault.Kind.LATENCY && (ms < 1 || ms > 60_000)) {
            throw new IllegalArgumentException("a latency fault needs latencyMs between 1 and 60000, not " + ms);
        }
        if (kind != ChaosFault.Kind.LATENCY && ms != 0) {
            throw new IllegalArgumentException("latencyMs is only for latency faults");
        }
        return ms;
    }

    /** Thrown when something is to be created while there is no chaos key. */
    public static final class ChaosOffException extends RuntimeException {

        ChaosOffException(String message) {
            super(message);
        }
    }

    /**
     * One forwarded request's part in chaos: the signed faults to send with it, its cohort, and the counting of its
     * answer. Exactly one of {@link #answered} or {@link #unanswered} should be called; a request the client gave up
     * on calls neither.
     */
    public static final class Ticket {

        private final List<String> faultHeaders;
        private final @Nullable String cohort;
        private final Trial.@Nullable Counters counters;
        private final @Nullable ChaosLab lab;
        private final boolean start;

        private Ticket(
                List<String> faultHeaders,
                @Nullable String cohort,
                Trial.@Nullable Counters counters,
                @Nullable ChaosLab lab,
                boolean start) {
            this.faultHeaders = List.copyOf(faultHeaders);
            this.cohort = cohort;
            this.counters = counters;
            this.lab = lab;
            this.start = start;
        }

        /** The {@code Reel-Chaos} values to send, one fault each; empty for none. */
        public List<String> faultHeaders() {
            return faultHeaders;
        }

        /** {@code control}, {@code experiment} or {@code null} for neither. */
        public @Nullable String cohort() {
            return cohort;
        }

        /** Counts an answer with this status. */
        public void answered(int status) {
            Trial.Counters c = counters;
            if (c == null || lab == null || cohort == null) {
                return;
            }
            c.requests.increment();
            if (status >= 500) {
                c.errors.increment();
            }
            if (!start) {
                return;
            }
            if (status >= 200 && status < 300) {
                c.starts.increment();
                lab.counted(cohort, "started");
            } else if (status >= 400 && status < 500) {
                c.rejectedStarts.increment();
                lab.counted(cohort, "rejected");
            } else if (status >= 500) {
                c.failedStarts.increment();
                lab.counted(cohort, "failed");
            }
        }

        /** Counts a request that got no answer (an error the gateway turns into a 5xx). */
        public void unanswered() {
            answered(599);
        }
    }

    /** A fault in force with its header value, signed once. */
    private record ActiveFault(ChaosFault fault, String signed, Instant startedAt) {

        Fault view() {
            return new Fault(
                    fault.id(),
                    fault.target(),
                    fault.kind().label(),
                    fault.latencyMillis(),
                    fault.percent(),
                    startedAt,
                    fault.until());
        }
    }
}
