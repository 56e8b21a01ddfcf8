package dev.reel.launcher.chaos;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns Ctrl-C (SIGINT, SIGTERM) into an interrupt of the thread that opened it, and holds the JVM's exit until that
 * thread {@link #close closes} it, so a long-running chaos command can end cleanly: stop its experiment, print its
 * summary. Open it in try-with-resources around the loop; treat an {@link InterruptedException} with
 * {@link #pressed()} true as Ctrl-C.
 */
final class CtrlC implements AutoCloseable {

    /** How long the JVM waits for the command to finish after Ctrl-C. */
    private static final Duration GRACE = Duration.ofSeconds(20);

    private final Thread worker;
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicBoolean pressed = new AtomicBoolean();
    private final Thread hook;

    private CtrlC(Thread worker) {
        this.worker = worker;
        this.hook = new Thread(this::onSignal, "reel-ctrl-c");
    }

    /** Starts listening for Ctrl-C on behalf of the calling thread. */
    static CtrlC interruptsThisThread() {
        var ctrlC = new CtrlC(Thread.currentThread());
        Runtime.getRuntime().addShutdownHook(ctrlC.hook);
        return ctrlC;
    }

    /** {@code Ctrl-C} if it was pressed, else {@code interrupted}: how a command says why it ends early. */
    static String describe(CtrlC ctrlC) {
        return ctrlC.pressed() ? "Ctrl-C" : "interrupted";
    }

    /** Whether Ctrl-C was pressed (the JVM is shutting down). */
    boolean pressed() {
        return pressed.get();
    }

    private void onSignal() {
        pressed.set(true);
        worker.interrupt();
        try {
            done.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets the JVM exit if Ctrl-C was pressed; otherwise stops listening. */
    @Override
    public void close() {
        done.countDown();
        if (!pressed.get()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutdown began meanwhile; the hook returns at once since done is counted down
            }
        }
    }
}
