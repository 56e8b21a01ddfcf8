package dev.reel.launcher.recs;

import dev.reel.launcher.AdminApiOptions;
import dev.reel.launcher.DataDirOption;
import dev.reel.launcher.LauncherException;
import dev.reel.launcher.studio.GatewayClient;
import dev.reel.launcher.studio.StudioException;
import dev.reel.recs.ImplicitAls;
import dev.reel.recs.eval.Evaluation;
import dev.reel.recs.eval.Metrics;
import dev.reel.recs.eval.Ratings;
import dev.reel.recs.eval.RatingsFile;
import dev.reel.recs.eval.RatingsFormatException;
import dev.reel.recs.eval.SyntheticRatings;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code reel recs eval}, {@code reel recs generate} and {@code reel recs train}: the recommender offline (libs/recs)
 * and, for training, personalization through the gateway as the admin.
 */
@Command(
        name = "recs",
        mixinStandardHelpOptions = true,
        description = "Recommendations: evaluate the model offline, generate a dataset, or train now.",
        subcommands = {RecsCommand.Eval.class, RecsCommand.Generate.class, RecsCommand.Train.class})
public final class RecsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Leave-last-out evaluation of the model against popularity on a ratings file. */
    @Command(
            name = "eval",
            mixinStandardHelpOptions = true,
            description = {
                "Evaluates implicit ALS on a file of `user item rating timestamp` lines (whitespace, tab, `::` or"
                        + " comma separated): each user's latest item is held out, the model is trained on the rest,"
                        + " and HR@10, NDCG@10 and Recall@20 over the full catalog are printed for the model and for"
                        + " a popularity baseline, with the training time."
            })
    static final class Eval implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--ratings", required = true, paramLabel = "FILE", description = "The ratings file.")
        private Path ratings;

        @Option(names = "--factors", defaultValue = "64", description = "Factors (default: ${DEFAULT-VALUE}).")
        private int factors;

        @Option(names = "--iterations", defaultValue = "10", description = "Iterations (default: ${DEFAULT-VALUE}).")
        private int iterations;

        @Option(
                names = "--alpha",
                defaultValue = "10",
                description = "Confidence per unit of rating (default: ${DEFAULT-VALUE}).")
        private double alpha;

        @Option(
                names = "--regularization",
                defaultValue = "0.1",
                description = "Regularization λ (default: ${DEFAULT-VALUE}).")
        private double regularization;

        @Option(
                names = "--cg-steps",
                defaultValue = "3",
                description = "Conjugate-gradient steps per row (default: ${DEFAULT-VALUE}).")
        private int cgSteps;

        @Option(names = "--threads", description = "Training threads (default: the available processors).")
        private @Nullable Integer threads;

        @Override
        public Integer call() {
            ImplicitAls als;
            try {
                ImplicitAls.Builder builder = ImplicitAls.builder()
                        .factors(factors)
                        .iterations(iterations)
                        .alpha(alpha)
                        .regularization(regularization)
                        .cgSteps(cgSteps);
                if (threads != null) {
                    builder.threads(threads);
                }
                als = builder.build();
            } catch (IllegalArgumentException e) {
                throw new LauncherException(e.getMessage(), 2);
            }
            Ratings data;
            try {
                data = RatingsFile.read(ratings);
            } catch (RatingsFormatException | UncheckedIOException e) {
                throw new LauncherException(e.getMessage(), 1);
            }
            Evaluation.Report report = Evaluation.run(data, als);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    Locale.ROOT,
                    "data: %d users, %d items, %d interactions (%d lines), %d tested users%n",
                    report.users(),
                    report.items(),
                    report.interactions(),
                    data.size(),
                    report.model().users());
            out.printf(
                    Locale.ROOT,
                    "model: implicit ALS, %d factors, %d iterations, %d CG steps, alpha %s, regularization %s,"
                            + " %d threads%n",
                    als.factors(),
                    als.iterations(),
                    als.cgSteps(),
                    alpha,
                    regularization,
                    als.threads());
            out.printf("%-12s %10s %10s %10s%n", "", "HR@10", "NDCG@10", "Recall@20");
            row(out, "model", report.model());
            row(out, "popularity", report.popularity());
            out.printf(
                    Locale.ROOT,
                    "%-12s %9.2fx %9.2fx %9.2fx%n",
                    "ratio",
                    report.hitRate10Ratio(),
                    report.ndcg10Ratio(),
                    report.recall20Ratio());
            out.printf(
                    Locale.ROOT,
                    "training: %.3f s on %d interactions%n",
                    report.trainingMillis() / 1000.0,
                    report.trainInteractions());
            out.flush();
            return 0;
        }

        private static void row(PrintWriter out, String name, Metrics metrics) {
            out.printf(
                    Locale.ROOT,
                    "%-12s %10.4f %10.4f %10.4f%n",
                    name,
                    metrics.hitRate10(),
                    metrics.ndcg10(),
                    metrics.recall20());
        }
    }

    /** Writes a synthetic ratings file with planted taste clusters. */
    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description = {
                "Writes a synthetic ratings file (`user item rating timestamp`, tab separated): users and items in"
                        + " planted taste clusters, a Zipf popularity skew, timestamps in viewing order."
            })
    static final class Generate implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
        private Path out;

        @Option(
                names = "--interactions",
                defaultValue = "100000",
                description = "Interactions (default: ${DEFAULT-VALUE}).")
        private int interactions;

        @Option(names = "--users", defaultValue = "2000", description = "Users (default: ${DEFAULT-VALUE}).")
        private int users;

        @Option(names = "--items", defaultValue = "1500", description = "Items (default: ${DEFAULT-VALUE}).")
        private int items;

        @Option(names = "--clusters", defaultValue = "20", description = "Taste clusters (default: ${DEFAULT-VALUE}).")
        private int clusters;

        @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
        private long seed;

        @Override
        public Integer call() {
            SyntheticRatings synthetic;
            try {
                synthetic = SyntheticRatings.builder()
                        .users(users)
                        .items(items)
                        .clusters(clusters)
                        .interactions(interactions)
                        .seed(seed)
                        .build();
                Path parent = out.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                synthetic.write(out);
            } catch (IllegalArgumentException | UncheckedIOException | java.io.IOException e) {
                throw new LauncherException(e.getMessage(), e instanceof IllegalArgumentException ? 2 : 1);
            }
            PrintWriter writer = spec.commandLine().getOut();
            Ratings ratings = synthetic.ratings();
            writer.printf(
                    Locale.ROOT,
                    "Wrote %d interactions (%d users, %d items, %d clusters, seed %d) to %s%n",
                    ratings.size(),
                    ratings.users(),
                    ratings.items(),
                    synthetic.clusters(),
                    seed,
                    out);
            writer.flush();
            return 0;
        }
    }

    /** Asks personalization to train now, as the admin through the gateway. */
    @Command(
            name = "train",
            mixinStandardHelpOptions = true,
            description =
                    "Trains the recommendation model now (POST /api/v1/recs/train through the gateway, as admin).")
    static final class Train implements Callable<Integer> {

        @Mixin
        private DataDirOption dataDirectory = new DataDirOption();

        @Mixin
        private AdminApiOptions api = new AdminApiOptions();

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            JsonNode answer;
            try (GatewayClient client = api.client(dataDirectory.layout())) {
                answer = client.json("POST", "/api/v1/recs/train", null).json();
            } catch (StudioException e) {
                throw new LauncherException(e.getMessage(), 1);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    Locale.ROOT,
                    "Model %s trained at %s: %d users, %d items, %d interactions in %.3f s%n",
                    answer.path("modelId").asString(),
                    answer.path("trainedAt").asString(),
                    answer.path("users").asLong(),
                    answer.path("items").asLong(),
                    answer.path("interactions").asLong(),
                    answer.path("trainingMillis").asLong() / 1000.0);
            out.flush();
            return 0;
        }
    }
}
