package dev.reel.launcher;

import dev.reel.launcher.chaos.ChaosCommand;
import dev.reel.launcher.recs.RecsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code reel} command: entry point of the launcher jar. */
@Command(
        name = "reel",
        mixinStandardHelpOptions = true,
        versionProvider = ReelCommand.Version.class,
        description = "Runs Reel on this machine: embedded PostgreSQL and Kafka, and one JVM per service instance.",
        subcommands = {
            UpCommand.class,
            StatusCommand.class,
            LogsCommand.class,
            DownCommand.class,
            IngestCommand.class,
            CdnCommand.class,
            RecsCommand.class,
            ChaosCommand.class,
            LoadCommand.class,
            HelpCommand.class
        },
        footer = {"", "Run `reel <command> --help` for a command's options."})
public final class ReelCommand implements Runnable {

    /** Exit code of {@code reel status} when nothing runs. */
    public static final int NOT_RUNNING = 3;

    @Spec
    private CommandSpec spec;

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Builds the command line: {@link LauncherException}s are printed as messages with their exit code. */
    public static CommandLine commandLine() {
        return new CommandLine(new ReelCommand()).setExecutionExceptionHandler((exception, commandLine, parsed) -> {
            if (exception instanceof LauncherException failure) {
                commandLine.getErr().println(failure.getMessage());
                commandLine.getErr().flush();
                return failure.exitCode();
            }
            throw exception;
        });
    }

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "Missing command: use one of up, status, logs, down, ingest, cdn, recs, chaos, load.");
    }

    /** Reports the launcher jar's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ReelCommand.class.getPackage().getImplementationVersion();
            return new String[] {"reel " + (version != null ? version : "(development build)")};
        }
    }
}
