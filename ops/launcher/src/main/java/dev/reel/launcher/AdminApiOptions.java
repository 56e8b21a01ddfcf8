package dev.reel.launcher;

import dev.reel.launcher.state.AdminCredentials;
import dev.reel.launcher.studio.GatewayClient;
import java.net.URI;
import java.nio.file.Files;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of commands that call Reel's admin API through the gateway: where the gateway is, and who calls. Without
 * a token the command logs in as the admin of the data directory ({@code admin.properties}).
 */
public final class AdminApiOptions {

    /** Environment variable with an access token to use instead of logging in. */
    static final String TOKEN_ENV = "REEL_TOKEN";

    @Option(
            names = "--gateway",
            paramLabel = "URL",
            defaultValue = "http://localhost:8080",
            description = "The gateway of the running Reel (default: ${DEFAULT-VALUE}).")
    private URI gateway = URI.create("http://localhost:8080");

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "An admin access token to use instead of logging in (prefer $" + TOKEN_ENV
                    + ": a command line is visible to other users).")
    private @Nullable String token;

    /** Whether a token was given, so a 401 means that token is bad. */
    boolean hasToken() {
        return accessToken() != null;
    }

    /**
     * A client for the gateway, with the given token or the admin's login.
     *
     * @throws LauncherException if there is no token and no admin credentials
     */
    public GatewayClient client(Layout layout) {
        @Nullable String accessToken = accessToken();
        if (accessToken != null) {
            return GatewayClient.withToken(gateway, accessToken);
        }
        Map<String, String> env = System.getenv();
        boolean fromEnv = env.get(AdminCredentials.EMAIL_ENV) != null && env.get(AdminCredentials.PASSWORD_ENV) != null;
        if (!fromEnv && !Files.exists(layout.adminFile())) {
            throw new LauncherException(
                    "No admin credentials: " + layout.adminFile() + " does not exist. Start Reel once with `reel up`"
                            + " (it creates the admin; add --data-dir if it used another directory), or pass an admin"
                            + " token in $" + TOKEN_ENV + ".",
                    1);
        }
        AdminCredentials admin = AdminCredentials.loadOrCreate(layout.adminFile(), env);
        return GatewayClient.withLogin(gateway, admin.email(), admin.password());
    }

    private @Nullable String accessToken() {
        String chosen = token != null ? token : System.getenv(TOKEN_ENV);
        return chosen == null || chosen.isBlank() ? null : chosen.strip();
    }
}
