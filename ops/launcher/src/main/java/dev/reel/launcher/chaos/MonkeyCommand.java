package dev.reel.launcher.chaos;

import dev.reel.launcher.DurationConverter;
import dev.reel.launcher.LauncherException;
import dev.reel.launcher.Layout;
import dev.reel.launcher.state.RunState;
import dev.reel.launcher.state.RunState.InstanceState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reel chaos monkey}: Chaos Monkey on the local supervisor. Every interval it SIGKILLs one random live instance
 * of the eligible services ({@link MonkeyTargets}); the supervisor restarts it with its usual backoff. Ends after the
 * duration or on Ctrl-C with a summary of the kills per instance.
 */
@Command(
        name = "monkey",
        mixinStandardHelpOptions = true,
        description = {
            "Chaos Monkey: kills (SIGKILL) one random instance every interval; the supervisor restarts it.",
            "Without --service only services running two or more instances are eligible."
        })
final class MonkeyCommand extends ChaosCall {

    @Option(
            names = "--service",
            paramLabel = "SERVICE",
            description = "A service whose instances may be killed (repeatable; even a single-instance one).")
    List<String> services = new ArrayList<>();

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            defaultValue = "30s",
            converter = DurationConverter.class,
            description = "Time between kills (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            defaultValue = "10m",
            converter = DurationConverter.class,
            description = "How long the monkey runs (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Random seed, to repeat a run's choice of victims (default: a random one, printed).")
    @Nullable
    Long seed;

    private @Nullable RunningState running;

    @Override
    void validate() {
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw usageError("--interval must be at least 1s (the supervisor needs time to restart an instance)");
        }
    }

    @Override
    void prepare(Layout layout) {
        running = running(layout);
    }

    @Override
    int run(ChaosApi chaos, Layout layout, Console console) throws InterruptedException {
        RunningState reel = Objects.requireNonNull(running, "prepare() runs first");
        MonkeyTargets targets;
        try {
            targets = MonkeyTargets.choose(reel.state().instances(), services);
        } catch (IllegalArgumentException e) {
            throw new LauncherException(e.getMessage(), 1);
        }
        if (targets.services().isEmpty()) {
            throw new LauncherException(
                    "Chaos Monkey has nothing to kill: every service runs a single instance. Run more (`reel up"
                            + " --instances catalog=2,playback=2`) or name one with --service.",
                    1);
        }
        long seedValue = seed != null ? seed : ThreadLocalRandom.current().nextLong();
        var random = new Random(seedValue);
        Instant start = Instant.now();
        Instant end = start.plus(duration);
        console.line("Chaos Monkey: one kill every " + DurationConverter.format(interval) + " until "
                + Console.clock(end) + " (" + DurationConverter.format(duration) + ", seed " + seedValue + ")");
        List<InstanceState> candidates = targets.candidates(reel.state().instances());
        console.line("eligible: "
                + targets.services().stream()
                        .map(service -> {
                            long count = candidates.stream()
                                    .filter(i -> i.service().equals(service))
                                    .count();
                            return service + " (" + count + (count == 1 ? " instance)" : " instances)");
                        })
                        .collect(Collectors.joining(", ")));
        if (!targets.spared().isEmpty()) {
            console.line("spared: " + String.join(", ", targets.spared().keySet()) + ": each "
                    + targets.spared().values().iterator().next());
        }
        Map<String, Integer> kills = new LinkedHashMap<>();
        candidates.forEach(instance -> kills.put(instance.name(), 0));
        String ending = "done";
        try (CtrlC ctrlC = CtrlC.interruptsThisThread()) {
            try {
                for (long tick = 0; ; tick++) {
                    Instant due = start.plus(interval.multipliedBy(tick));
                    if (!due.isBefore(end)) {
                        break;
                    }
                    sleepUntil(due);
                    Optional<RunState> state = RunState.readFrom(layout.stateFile());
                    if (state.isEmpty()) {
                        console.line("Reel stopped; Chaos Monkey ends");
                        ending = "ended early";
                        break;
                    }
                    kill(targets, state.get().instances(), reel.launcherPid(), random, kills, console);
                }
                if (ending.equals("done")) {
                    sleepUntil(end);
                }
            } catch (InterruptedException e) {
                console.line(CtrlC.describe(ctrlC) + ": Chaos Monkey stops");
                ending = "stopped";
            }
            int total = kills.values().stream().mapToInt(Integer::intValue).sum();
            console.line(String.format(
                    "Chaos Monkey %s: %d %s in %.0f s",
                    ending,
                    total,
                    total == 1 ? "kill" : "kills",
                    Duration.between(start, Instant.now()).toMillis() / 1000.0));
            var table = new Table("INSTANCE", "KILLS");
            kills.forEach((name, count) -> table.row(name, String.valueOf(count)));
            table.lines("  ").forEach(console::plain);
        }
        return 0;
    }

    private static void kill(
            MonkeyTargets targets,
            List<InstanceState> instances,
            long launcherPid,
            Random random,
            Map<String, Integer> kills,
            Console console) {
        Optional<InstanceState> victim = targets.pick(
                instances,
                instance -> LocalInstances.process(instance, launcherPid).isPresent(),
                random);
        if (victim.isEmpty()) {
            console.line("no live instance of " + String.join(", ", targets.services())
                    + " to kill (all are being restarted); skipped");
            return;
        }
        InstanceState instance = victim.get();
        Optional<ProcessHandle> process = LocalInstances.process(instance, launcherPid);
        if (process.isEmpty() || !process.get().destroyForcibly()) {
            console.line(instance.name() + " exited by itself before the kill; skipped");
            return;
        }
        kills.merge(instance.name(), 1, Integer::sum);
        console.line(
                String.format("killed %s (pid %d, %s, SIGKILL)", instance.name(), instance.pid(), instance.zone()));
    }

    private static void sleepUntil(Instant due) throws InterruptedException {
        long millis = Duration.between(Instant.now(), due).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
