package dev.reel.launcher;

import dev.reel.launcher.studio.GatewayClient;
import dev.reel.launcher.studio.ProgressBar;
import dev.reel.launcher.studio.StudioException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code reel cdn fill} and {@code reel cdn appliances}: the Open Connect control plane (steering) through the
 * gateway, as the admin.
 */
@Command(
        name = "cdn",
        mixinStandardHelpOptions = true,
        description = "The Open Connect CDN: plan and push a fill now, or list the edge appliances.",
        subcommands = {CdnCommand.Fill.class, CdnCommand.Appliances.class})
final class CdnCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** One admin call to steering through the gateway, printed as a table. */
    abstract static class AdminCall implements Callable<Integer> {

        @Mixin
        private DataDirOption dataDirectory = new DataDirOption();

        @Mixin
        private AdminApiOptions api = new AdminApiOptions();

        @Spec
        private CommandSpec spec;

        private final String method;
        private final String path;

        AdminCall(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** Prints the answer. */
        abstract void print(JsonNode answer, PrintWriter out);

        @Override
        public Integer call() throws InterruptedException {
            JsonNode answer;
            try (GatewayClient client = api.client(dataDirectory.layout())) {
                answer = client.json(method, path, null).json();
            } catch (StudioException e) {
                throw new LauncherException(e.getMessage(), 1);
            }
            PrintWriter out = spec.commandLine().getOut();
            print(answer, out);
            out.flush();
            return 0;
        }
    }

    /** Plans a fill now instead of waiting for the off-peak window, and prints what each appliance will hold. */
    @Command(
            name = "fill",
            mixinStandardHelpOptions = true,
            description = {
                "Plans the fill of every appliance from predicted popularity now (normally done in the off-peak"
                        + " window). Appliances fetch and drop titles at their next report, within seconds."
            })
    static final class Fill extends AdminCall {

        Fill() {
            super("POST", "/api/v1/cdn/fill");
        }

        @Override
        void print(JsonNode plan, PrintWriter out) {
            out.printf(
                    "Fill plan %s (%s)%n",
                    plan.path("planId").asString(), plan.path("createdAt").asString());
            out.printf(
                    "%-10s %-8s %7s %12s %12s %9s %6s %6s %7s%n",
                    "APPLIANCE", "TIER", "TITLES", "BYTES", "CAPACITY", "HIT(pred)", "FETCH", "DROP", "PINNED");
            for (JsonNode appliance : plan.path("appliances")) {
                out.printf(
                        Locale.ROOT,
                        "%-10s %-8s %7d %12s %12s %8.1f%% %6d %6d %7d%n",
                        appliance.path("id").asString(),
                        appliance.path("tier").asString(),
                        appliance.path("titles").size(),
                        ProgressBar.bytes(appliance.path("bytes").asLong()),
                        ProgressBar.bytes(appliance.path("capacityBytes").asLong()),
                        appliance.path("predictedByteHitRatio").asDouble() * 100,
                        appliance.path("fetch").size(),
                        appliance.path("drop").size(),
                        appliance.path("pinned").size());
            }
        }
    }

    /** Lists the appliances steering knows, with their health and load. */
    @Command(name = "appliances", mixinStandardHelpOptions = true, description = "Lists the edge appliances.")
    static final class Appliances extends AdminCall {

        Appliances() {
            super("GET", "/api/v1/cdn/appliances?size=100");
        }

        @Override
        void print(JsonNode page, PrintWriter out) {
            out.printf(
                    "%-10s %-9s %-8s %-28s %12s %12s %6s %9s%n",
                    "APPLIANCE", "ROTATION", "TIER", "URL", "USED", "CAPACITY", "CONNS", "HIT(bytes)");
            for (JsonNode appliance : page.path("items")) {
                out.printf(
                        Locale.ROOT,
                        "%-10s %-9s %-8s %-28s %12s %12s %6d %8.1f%%%n",
                        appliance.path("id").asString(),
                        appliance.path("inRotation").asBoolean() ? "in" : "out",
                        appliance.path("tier").asString(),
                        appliance.path("baseUrl").asString(),
                        ProgressBar.bytes(appliance.path("usedBytes").asLong()),
                        ProgressBar.bytes(appliance.path("capacityBytes").asLong()),
                        appliance.path("openConnections").asInt(),
                        appliance.path("hitRatioBytes").asDouble() * 100);
            }
        }
    }
}
