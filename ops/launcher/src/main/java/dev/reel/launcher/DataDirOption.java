package dev.reel.launcher;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --data-dir} option that every command accepts. */
public final class DataDirOption {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Data directory: databases, Kafka logs, service logs, run state (default: $REEL_HOME/.reel).")
    private @Nullable Path dataDirectory;

    /** Returns the layout for the chosen data directory. */
    public Layout layout() {
        return Layout.resolve(dataDirectory);
    }
}
