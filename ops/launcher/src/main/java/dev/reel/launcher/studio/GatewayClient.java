package dev.reel.launcher.studio;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reel's public API through the gateway, as an admin: JSON requests with a bearer token, error responses turned into
 * {@link ApiProblemException}s and I/O failures into {@link ConnectionException}s. With e-mail and password it logs in
 * on first use ({@code POST /api/v1/auth/login}) and logs in again once when a request is answered 401 (an access
 * token lives 15 minutes; an upload or a job may take longer). Thread-safe.
 */
public final class GatewayClient implements AutoCloseable {

    /** Timeout of an ordinary API call (until the response headers arrive). */
    public static final Duration API_TIMEOUT = Duration.ofSeconds(60);

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final String LOGIN_PATH = "/api/v1/auth/login";

    private final URI gateway;
    private final HttpClient http;
    private final @Nullable String email;
    private final @Nullable String password;
    private volatile @Nullable String token;

    private GatewayClient(URI gateway, @Nullable String email, @Nullable String password, @Nullable String token) {
        this.gateway = stripSlash(gateway);
        this.email = email;
        this.password = password;
        this.token = token;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A client that logs in with an admin's e-mail and password when it first needs a token. */
    public static GatewayClient withLogin(URI gateway, String email, String password) {
        return new GatewayClient(gateway, email, password, null);
    }

    /** A client that sends {@code accessToken} and never logs in itself. */
    public static GatewayClient withToken(URI gateway, String accessToken) {
        return new GatewayClient(gateway, null, null, accessToken);
    }

    /** The gateway's base URI. */
    public URI gateway() {
        return gateway;
    }

    /**
     * A response with a status below 400.
     *
     * @param status HTTP status
     * @param headers response headers
     * @param body the JSON body, or null if empty or not JSON
     */
    public record Response(
            int status, HttpHeaders headers, @Nullable JsonNode body) {

        /** The first value of header {@code name}. */
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The JSON body, or a missing node. */
        public JsonNode json() {
            return body != null ? body : Json.MISSING;
        }
    }

    /**
     * Sends a JSON request ({@code body} serialised, or no body if null) and reads a JSON response.
     *
     * @throws ApiProblemException if Reel answers 400 or above
     * @throws ConnectionException if the gateway cannot be reached or the connection drops
     */
    public Response json(String method, String path, @Nullable Object body) throws InterruptedException {
        Map<String, String> headers =
                body != null ? Map.of("Content-Type", "application/json") : Map.<String, String>of();
        return send(
                method,
                path,
                headers,
                () -> body != null ? BodyPublishers.ofString(Json.write(body)) : BodyPublishers.noBody(),
                API_TIMEOUT);
    }

    /**
     * Sends a request with the admin's token and reads the response as JSON. On a 401 with login credentials the
     * client logs in again and resends once, which is why the body comes from a supplier.
     *
     * @param headers request headers (besides Authorization and Accept)
     * @param body makes the request body; called once per attempt
     * @param timeout how long to wait for the response headers
     * @throws ApiProblemException if Reel answers 400 or above
     * @throws ConnectionException if the gateway cannot be reached or the connection drops
     */
    public Response send(
            String method, String path, Map<String, String> headers, Supplier<BodyPublisher> body, Duration timeout)
            throws InterruptedException {
        String used = accessToken();
        HttpResponse<String> response = exchange(method, path, headers, body.get(), timeout, used);
        if (response.statusCode() == 401 && canLogIn()) {
            renew(used);
            response = exchange(method, path, headers, body.get(), timeout, accessToken());
        }
        return toResponse(response);
    }

    /**
     * Opens a streaming GET (for server-sent events) and returns the response, whose lines arrive as they are sent.
     * The caller closes the stream.
     *
     * @throws ApiProblemException if Reel answers 400 or above (the body is read and closed)
     * @throws ConnectionException if the gateway cannot be reached
     */
    public HttpResponse<Stream<String>> stream(String path, String accept) throws InterruptedException {
        String used = accessToken();
        HttpResponse<Stream<String>> response = openStream(path, accept, used);
        if (response.statusCode() == 401 && canLogIn()) {
            drain(response);
            renew(used);
            response = openStream(path, accept, accessToken());
        }
        if (response.statusCode() >= 400) {
            String text = drain(response);
            throw new ApiProblemException(Problem.of(response.statusCode(), Json.parse(text), text));
        }
        return response;
    }

    /**
     * Logs in now, replacing the current token.
     *
     * @throws StudioException if the client has no credentials, or they are refused
     */
    public void logIn() throws InterruptedException {
        if (!canLogIn()) {
            throw new StudioException("No admin credentials to log in with.");
        }
        renew(token);
    }

    @Override
    public void close() {
        http.close();
    }

    private boolean canLogIn() {
        return email != null && password != null;
    }

    private String accessToken() throws InterruptedException {
        @Nullable String current = token;
        if (current != null) {
            return current;
        }
        renew(null);
        return Objects.requireNonNull(token, "token");
    }

    /** Logs in unless another thread already replaced {@code stale}. */
    private synchronized void renew(@Nullable String stale) throws InterruptedException {
        @Nullable String current = token;
        if (current != null && !current.equals(stale)) {
            return;
        }
        String body = Json.write(Map.of("email", email, "password", password));
        HttpResponse<String> response = exchange(
                "POST",
                LOGIN_PATH,
                Map.of("Content-Type", "application/json"),
                BodyPublishers.ofString(body),
                API_TIMEOUT,
                null);
        if (response.statusCode() >= 400) {
            Problem problem = Problem.of(response.statusCode(), Json.parse(response.body()), response.body());
            if (problem.isTransient()) {
                throw new ApiProblemException(problem);
            }
            throw new StudioException("The admin login as " + email + " failed: " + problem.describe());
        }
        JsonNode json = Optional.ofNullable(Json.parse(response.body())).orElse(Json.MISSING);
        @Nullable String accessToken = Json.text(json, "accessToken");
        if (accessToken == null) {
            accessToken = response.headers()
                    .firstValue("Authorization")
                    .filter(h -> h.startsWith("Bearer "))
                    .map(h -> h.substring("Bearer ".length()))
                    .orElseThrow(() -> new StudioException("The login response carries no access token."));
        }
        token = accessToken;
    }

    private HttpResponse<String> exchange(
            String method,
            String path,
            Map<String, String> headers,
            BodyPublisher body,
            Duration timeout,
            @Nullable String bearer)
            throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(timeout)
                .header("Accept", "application/json, application/problem+json")
                .method(method, body);
        headers.forEach(request::header);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ConnectionException(gateway, e);
        }
    }

    private HttpResponse<Stream<String>> openStream(String path, String accept, String bearer)
            throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Accept", accept)
                .header("Authorization", "Bearer " + bearer)
                .GET()
                .build();
        try {
            return http.send(request, BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new ConnectionException(gateway, e);
        }
    }

    private static Response toResponse(HttpResponse<String> response) {
        @Nullable JsonNode json = Json.parse(response.body());
        if (response.statusCode() >= 400) {
            throw new ApiProblemException(Problem.of(response.statusCode(), json, response.body()));
        }
        return new Response(response.statusCode(), response.headers(), json);
    }

    private static String drain(HttpResponse<Stream<String>> response) {
        try (Stream<String> lines = response.body()) {
            return lines.limit(200).collect(Collectors.joining("\n"));
        } catch (RuntimeException e) {
            return "";
        }
    }

    private URI uri(String path) {
        return URI.create(gateway + path);
    }

    private static URI stripSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
