package dev.reel.launcher;

import dev.reel.launcher.demo.DemoSeeder;
import dev.reel.launcher.state.RunState;
import dev.reel.launcher.state.RunState.InstanceState;
import dev.reel.launcher.supervisor.Health;
import dev.reel.launcher.supervisor.HealthProbe;
import dev.reel.launcher.topology.Ports;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code reel status}: one line per process of the running Reel, with its health probed now (1 s timeout). Exit code
 * {@value ReelCommand#NOT_RUNNING} if no launcher runs on the data directory.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Shows every process of the running Reel: service, instance, zone, port, pid and health.")
final class StatusCommand implements Callable<Integer> {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    @Mixin
    private DataDirOption dataDirectory = new DataDirOption();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Layout layout = dataDirectory.layout();
        Optional<RunningLauncher> launcher = RunningLauncher.find(layout);
        if (launcher.isEmpty()) {
            out.println("Reel is not running.");
            out.flush();
            return ReelCommand.NOT_RUNNING;
        }
        ProcessHandle process = launcher.get().process();
        Optional<RunState> state = launcher.get().state();
        if (state.isEmpty()) {
            out.printf("Reel is starting (launcher pid %d); no instance has started yet.%n", process.pid());
            out.flush();
            return 0;
        }
        RunState run = state.get();
        Duration up = Duration.between(run.startedAt(), Instant.now());
        out.printf(
                "Reel is running: launcher pid %d, up %s, data %s%n",
                run.launcherPid(), human(up), layout.dataDirectory());
        StatusTable.print(out, rows(run));
        DemoSeeder.status(layout.dataDirectory()).ifPresent(out::println);
        out.flush();
        return 0;
    }

    private static List<StatusTable.Row> rows(RunState run) throws Exception {
        try (var probe = new HealthProbe();
                var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> postgres = executor.submit(() -> listening(run.postgresPort(), run.postgresPid()));
            Future<String> kafka = executor.submit(() -> listening(run.kafkaPort(), run.launcherPid()));
            var healths = new ArrayList<Future<String>>();
            for (InstanceState instance : run.instances()) {
                healths.add(executor.submit(() -> alive(instance.pid())
                        ? probe.check(instance.port(), PROBE_TIMEOUT).name()
                        : "EXITED"));
            }
            var rows = new ArrayList<StatusTable.Row>();
            rows.add(new StatusTable.Row(
                    "postgres", "-", "-", run.postgresPort(), pid(run.postgresPid()), postgres.get()));
            rows.add(new StatusTable.Row("kafka", "-", "-", run.kafkaPort(), pid(run.launcherPid()), kafka.get()));
            for (int i = 0; i < run.instances().size(); i++) {
                InstanceState instance = run.instances().get(i);
                rows.add(new StatusTable.Row(
                        instance.service(),
                        String.valueOf(instance.index()),
                        instance.zone(),
                        instance.port(),
                        pid(instance.pid()),
                        healths.get(i).get()
                                + (instance.restarts() > 0 ? " (restarted " + instance.restarts() + "x)" : "")));
            }
            return rows;
        }
    }

    private static String listening(int port, long pid) {
        if (!alive(pid)) {
            return "EXITED";
        }
        return Ports.isListening(port, PROBE_TIMEOUT) ? Health.UP.name() : Health.UNREACHABLE.name();
    }

    private static boolean alive(long pid) {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String pid(long pid) {
        return pid > 0 ? String.valueOf(pid) : "-";
    }

    private static String human(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m " + seconds % 60 + "s";
        }
        return seconds / 3600 + "h " + seconds % 3600 / 60 + "m";
    }
}
