package dev.reel.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives every test class that asks for a {@link Platform} parameter the same platform: the first one boots {@code reel
 * up --instances} {@value #INSTANCES} on a fresh data directory under {@code target/}, and JUnit stops it once, after
 * the last test class of the run. Every service a viewer's start touches runs twice, once in each zone, so that
 * instances and a whole zone can be killed (ChaosIT). Booting takes about two minutes on two cores, so the test classes
 * share one.
 *
 * <p>With the system property {@code reel.e2e.attach=<dataDir>} it boots nothing and hands out the platform that
 * already runs on that data directory instead; it never stops that one. Tests that kill, freeze or restart parts of the
 * platform must check {@link Platform#attached()} and skip themselves.
 */
public final class SharedPlatform implements ParameterResolver {

    /** The system property naming the data directory of an already running platform to use. */
    public static final String ATTACH_PROPERTY = "reel.e2e.attach";

    /** The instance counts of the platform the tests boot. */
    public static final String INSTANCES = "identity=2,catalog=2,playback=2,viewing=2,search=2,personalization=2";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPlatform.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Platform.class;
    }

    @Override
    public Platform resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(Holder.class, key -> Holder.boot(), Holder.class)
                .platform();
    }

    /** The one platform of this run, or why it could not be booted; closing it stops a platform the tests booted. */
    private record Holder(
            @Nullable Platform booted, @Nullable RuntimeException failure) implements AutoCloseable {

        static Holder boot() {
            String attach = System.getProperty(ATTACH_PROPERTY, "").strip();
            if (!attach.isEmpty()) {
                Path dataDir = Path.of(attach).toAbsolutePath();
                if (!Files.isRegularFile(dataDir.resolve("admin.properties"))) {
                    return new Holder(
                            null,
                            new IllegalStateException(ATTACH_PROPERTY + "=" + attach
                                    + " is not the data directory of a running reel up"));
                }
                return new Holder(Platform.attached(dataDir), null);
            }
            try {
                Path data = Files.createTempDirectory(Platform.ROOT.resolve("e2e/target"), "reel-data-");
                Platform platform = new Platform(data, List.of("--instances", INSTANCES));
                Duration took = platform.start();
                System.out.println("e2e: reel up took " + took.toMillis() + " ms");
                return new Holder(platform, null);
            } catch (IOException | RuntimeException e) {
                return new Holder(null, new IllegalStateException("the platform did not boot", e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Holder(null, new IllegalStateException("interrupted while booting the platform", e));
            }
        }

        Platform platform() {
            if (booted == null) {
                throw failure;
            }
            return booted;
        }

        @Override
        public void close() throws Exception {
            if (booted != null && !booted.attached()) {
                booted.stop();
            }
        }
    }
}
