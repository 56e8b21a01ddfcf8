package dev.reel.launcher.chaos;

import dev.reel.launcher.DurationConverter;
import dev.reel.launcher.LauncherException;
import dev.reel.launcher.Layout;
import dev.reel.launcher.state.Holds;
import dev.reel.launcher.state.RunState;
import dev.reel.launcher.state.RunState.InstanceState;
import dev.reel.launcher.supervisor.Health;
import dev.reel.launcher.supervisor.HealthProbe;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reel chaos gorilla}: Chaos Gorilla, a zone outage. Holds down ({@link Holds}) and then SIGKILLs every
 * instance in the zone whose service also runs in another zone ({@link GorillaPlan}), so the supervisor restarts them
 * only when the hold ends; traffic must meanwhile flow to the other zone. Then waits until every instance is back (a
 * new pid in {@code state.json} and healthy) unless {@code --no-wait}.
 */
@Command(
        name = "gorilla",
        mixinStandardHelpOptions = true,
        description = {
            "Chaos Gorilla: takes a zone down. Kills every instance in the zone whose service also runs in another"
                    + " zone and keeps them down for the hold; single-zone instances are spared (and listed)."
        })
final class GorillaCommand extends ChaosCall {

    /** How long after the hold the instances get to be healthy again (the supervisor's start timeout). */
    static final Duration RECOVERY = Duration.ofSeconds(180);

    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    @Option(names = "--zone", required = true, paramLabel = "ZONE", description = "The zone to fail, e.g. zone-a.")
    String zone;

    @Option(
            names = "--hold",
            paramLabel = "DURATION",
            defaultValue = "30s",
            converter = DurationConverter.class,
            description = "How long the zone stays down (default: ${DEFAULT-VALUE}).")
    Duration hold;

    @Option(names = "--no-wait", description = "Return after the kills instead of waiting for the instances.")
    boolean noWait;

    private @Nullable RunningState running;

    @Override
    void validate() {
        if (hold.compareTo(Duration.ofHours(1)) > 0) {
            throw usageError("--hold must be at most 1h, not " + DurationConverter.format(hold));
        }
    }

    @Override
    void prepare(Layout layout) {
        running = running(layout);
    }

    @Override
    int run(ChaosApi chaos, Layout layout, Console console) throws InterruptedException {
        RunningState reel = Objects.requireNonNull(running, "prepare() runs first");
        GorillaPlan plan;
        try {
            plan = GorillaPlan.of(reel.state().instances(), zone);
        } catch (IllegalArgumentException e) {
            throw new LauncherException(e.getMessage(), 1);
        }
        for (GorillaPlan.Spared spared : plan.spared()) {
            console.line("spared " + spared.instance().name() + ": " + spared.reason());
        }
        if (plan.targets().isEmpty()) {
            throw new LauncherException(
                    "Chaos Gorilla has nothing to take down in " + zone + ": no service there also runs in another"
                            + " zone. Run two instances of a service (`reel up --instances catalog=2`).",
                    1);
        }
        Instant until = Instant.now().plus(hold);
        var holds = new Holds(layout.holdsDirectory());
        try {
            plan.targets().forEach(instance -> holds.hold(instance.name(), until));
        } catch (UncheckedIOException e) {
            throw new LauncherException("Cannot write the chaos holds: " + e.getMessage(), 1);
        }
        console.line(zone + " goes down until " + Console.clock(until) + " ("
                + plan.targets().size() + " instances held down for " + DurationConverter.format(hold) + ")");
        Map<String, Long> killed = new LinkedHashMap<>();
        for (InstanceState instance : plan.targets()) {
            Optional<ProcessHandle> process = LocalInstances.process(instance, reel.launcherPid());
            if (process.isPresent() && process.get().destroyForcibly()) {
                console.line("killed " + instance.name() + " (pid " + instance.pid() + ", SIGKILL), held down until "
                        + Console.clock(until));
            } else {
                console.line(instance.name() + " was not running (pid " + instance.pid() + "); held down until "
                        + Console.clock(until));
            }
            killed.put(instance.name(), instance.pid());
        }
        if (noWait) {
            console.line("not waiting (--no-wait): the supervisor restarts them after " + Console.clock(until));
            return 0;
        }
        try (CtrlC ctrlC = CtrlC.interruptsThisThread();
                var probe = new HealthProbe()) {
            try {
                return awaitBack(layout, killed, until, probe, console);
            } catch (InterruptedException e) {
                console.line(CtrlC.describe(ctrlC) + ": no longer waiting; the supervisor restarts the instances after "
                        + Console.clock(until));
                return 1;
            }
        }
    }

    /** Waits until every killed instance has a new pid and is healthy, printing each as it comes back. */
    private int awaitBack(Layout layout, Map<String, Long> killed, Instant until, HealthProbe probe, Console console)
            throws InterruptedException {
        Map<String, Long> pending = new LinkedHashMap<>(killed);
        Instant deadline = until.plus(RECOVERY);
        while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL);
            Optional<RunState> state = RunState.readFrom(layout.stateFile());
            if (state.isEmpty()) {
                console.line("Reel stopped; Chaos Gorilla ends");
                return 1;
            }
            for (var entry : List.copyOf(pending.entrySet())) {
                Optional<InstanceState> now = LocalInstances.named(state.get().instances(), entry.getKey());
                if (now.isEmpty() || now.get().pid() == entry.getValue()) {
                    continue;
                }
                if (probe.check(now.get().port(), PROBE_TIMEOUT) == Health.UP) {
                    pending.remove(entry.getKey());
                    console.line(String.format(
                            Locale.ROOT,
                            "%s back (pid %d, healthy %.1f s after the hold ended)",
                            entry.getKey(),
                            now.get().pid(),
                            Duration.between(until, Instant.now()).toMillis() / 1000.0));
                }
            }
        }
        if (!pending.isEmpty()) {
            console.line("not back " + RECOVERY.toSeconds() + " s after the hold: "
                    + String.join(", ", pending.keySet()) + " (see `reel status` and `reel logs`)");
            return 1;
        }
        console.line(zone + " is back: " + killed.size() + " instances restarted");
        return 0;
    }
}
