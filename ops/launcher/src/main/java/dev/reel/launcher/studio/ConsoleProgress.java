package dev.reel.launcher.studio;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Shows upload and job progress on a console stream (stderr): on a terminal a single line redrawn in place at most
 * ten times a second; otherwise plain lines, at most one every {@link #PLAIN_INTERVAL} (and at every change of job
 * state), so that logs stay readable.
 */
public final class ConsoleProgress implements UploadListener, JobListener {

    /** Least time between two plain progress lines. */
    public static final Duration PLAIN_INTERVAL = Duration.ofSeconds(5);

    private static final long REDRAW_NANOS = Duration.ofMillis(100).toNanos();
    private static final String CLEAR_TO_END = "\u001b[K";

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private final RateMeter rate = new RateMeter(Duration.ofSeconds(5).toNanos());
    private long lastDraw = Long.MIN_VALUE;
    private long lastShown = -1;
    private boolean lineOpen;
    private @Nullable String lastJobState;

    /**
     * Creates the reporter.
     *
     * @param terminal whether {@code err} is an interactive terminal
     * @param nanoClock monotonic clock ({@link System#nanoTime()} outside tests)
     */
    public ConsoleProgress(PrintWriter err, boolean terminal, LongSupplier nanoClock) {
        this.err = err;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
    }

    /** Whether this JVM's console is an interactive terminal (and {@code TERM} is not {@code dumb}). */
    public static boolean isTerminal() {
        var console = System.console();
        return console != null && console.isTerminal() && !"dumb".equals(System.getenv("TERM"));
    }

    @Override
    public synchronized void started(Upload upload, long offset, long length, boolean resumed) {
        rate.record(nanoClock.getAsLong(), offset);
        lastShown = offset;
        println(
                resumed
                        ? "Resuming upload " + upload.id() + " at " + ProgressBar.bytes(offset) + " of "
                                + ProgressBar.bytes(length)
                        : "Uploading " + ProgressBar.bytes(length) + " (upload " + upload.id() + ")");
    }

    @Override
    public synchronized void progress(long sent, long length) {
        long now = nanoClock.getAsLong();
        rate.record(now, sent);
        boolean last = sent >= length;
        long interval = terminal ? REDRAW_NANOS : PLAIN_INTERVAL.toNanos();
        if (sent == lastShown || (!last && lastDraw != Long.MIN_VALUE && now - lastDraw < interval)) {
            return;
        }
        lastDraw = now;
        lastShown = sent;
        if (terminal) {
            redraw(ProgressBar.transfer(sent, length, rate.bytesPerSecond()));
        } else {
            println(ProgressBar.transferLine(sent, length, rate.bytesPerSecond()));
        }
    }

    @Override
    public synchronized void retrying(String reason, Duration delay) {
        println("Connection problem: " + reason + " Retrying in " + seconds(delay) + ".");
    }

    @Override
    public synchronized void completed(Upload upload) {
        endLine();
        lastDraw = Long.MIN_VALUE;
    }

    @Override
    public synchronized void update(Job job) {
        long now = nanoClock.getAsLong();
        boolean changed = !job.state().equals(lastJobState);
        lastJobState = job.state();
        long interval = terminal ? REDRAW_NANOS : PLAIN_INTERVAL.toNanos();
        if (!changed && !job.isFinished() && lastDraw != Long.MIN_VALUE && now - lastDraw < interval) {
            return;
        }
        lastDraw = now;
        if (terminal) {
            redraw(ProgressBar.job(job));
            if (job.isFinished()) {
                endLine();
            }
        } else {
            println(ProgressBar.jobLine(job));
        }
    }

    @Override
    public synchronized void reconnecting(String reason) {
        println("Job events interrupted (" + reason + "); reconnecting.");
    }

    private void redraw(String line) {
        err.print("\r" + line + CLEAR_TO_END);
        err.flush();
        lineOpen = true;
    }

    private void println(String line) {
        endLine();
        err.println(line);
        err.flush();
    }

    private void endLine() {
        if (lineOpen) {
            err.println();
            err.flush();
            lineOpen = false;
        }
    }

    private static String seconds(Duration delay) {
        return delay.toMillis() < 1000
                ? delay.toMillis() + " ms"
                : String.format(Locale.ROOT, "%.0f s", delay.toMillis() / 1000.0);
    }
}
