package dev.reel.launcher.supervisor;

import dev.reel.launcher.topology.Instance;
import java.nio.file.Path;

/** An instance did not become healthy during {@link Supervisor#startStage}. */
public final class StartupFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Instance instance;
    private final transient Path logFile;

    /** Creates the exception for {@code instance}, whose output is in {@code logFile}. */
    public StartupFailedException(Instance instance, Path logFile, String message) {
        super(message);
        this.instance = instance;
        this.logFile = logFile;
    }

    /** The instance that failed. */
    public Instance instance() {
        return instance;
    }

    /** Its log file. */
    public Path logFile() {
        return logFile;
    }
}
