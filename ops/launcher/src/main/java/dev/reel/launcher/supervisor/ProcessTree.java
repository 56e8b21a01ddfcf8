package dev.reel.launcher.supervisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Stopping processes together with their descendants. */
public final class ProcessTree {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private ProcessTree() {}

    /**
     * Stops {@code roots} and all their descendants: SIGTERM to every root at once, up to {@code grace} for them to
     * exit, then SIGKILL to whatever is left of the trees (descendants are collected before the roots are signalled,
     * because an orphan no longer shows up as a descendant). Returns once every process is gone or 5 s after the kill.
     *
     * @return whether every root exited within {@code grace}
     */
    public static boolean terminate(Collection<ProcessHandle> roots, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle root : roots) {
            all.add(root);
            root.descendants().forEach(all::add);
        }
        roots.forEach(ProcessHandle::destroy);
        boolean graceful = awaitExit(roots, grace);
        List<ProcessHandle> left = all.stream().filter(p -> !hasExited(p)).toList();
        left.forEach(ProcessHandle::destroyForcibly);
        awaitExit(left, Duration.ofSeconds(5));
        return graceful;
    }

    /** {@link #terminate(Collection, Duration)} for one root. */
    public static boolean terminate(ProcessHandle root, Duration grace) {
        return terminate(List.of(root), grace);
    }

    /**
     * Waits until all {@code processes} have exited or {@code timeout} passes. A zombie (exited, not yet reaped by
     * its parent) counts as exited.
     *
     * @return whether all exited
     */
    public static boolean awaitExit(Collection<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (processes.stream().allMatch(ProcessTree::hasExited)) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Returns whether {@code process} has exited (on Linux, also when it is a zombie). */
    public static boolean hasExited(ProcessHandle process) {
        if (!process.isAlive()) {
            return true;
        }
        Path stat = Path.of("/proc", String.valueOf(process.pid()), "stat");
        try {
            String text = Files.readString(stat);
            // pid (comm) state ...: comm may contain spaces and parentheses, so look after the last ')'
            int end = text.lastIndexOf(')');
            return end > 0 && end + 2 < text.length() && text.charAt(end + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return !process.isAlive();
        }
    }

    /** Returns the command name of {@code process} (e.g. {@code java}, {@code postgres}), or "" if unknown. */
    public static String commandName(ProcessHandle process) {
        return process.info()
                .command()
                .map(c -> c.substring(c.lastIndexOf('/') + 1))
                .orElse("");
    }
}
