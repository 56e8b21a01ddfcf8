package dev.reel.loadgen;

import dev.reel.resilience.RetryBudget;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP calls of a run, with a well-behaved client's reaction to overload: a 503 or 429 (or a 502, a 504, or no
 * answer at all) is retried after {@link RetryBudget#backoff} honouring {@code Retry-After}, up to {@link
 * Policy#attempts} attempts, and during the measured run only while the shared {@link RetryBudget} allows it. A 401
 * logs the viewer in again once. Thread-safe.
 */
final class Calls {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final Duration BACKOFF_BASE = Duration.ofMillis(100);
    static final Duration BACKOFF_MAX = Duration.ofSeconds(2);

    /** How a call is retried and whether it counts in the run's figures. */
    enum Policy {
        /** A measured call during the run: 3 attempts within the retry budget, errors and retries counted. */
        RUN(3, true),
        /** Setup and the event check: more patient, outside the budget and the figures. */
        QUIET(6, false);

        final int attempts;
        final boolean measured;

        Policy(int attempts, boolean measured) {
            this.attempts = attempts;
            this.measured = measured;
        }
    }

    /**
     * One call's final answer.
     *
     * @param status the HTTP status, or 0 when there was no answer
     * @param error why there was no answer, null when there was one
     */
    record Answer(
            int status,
            byte[] body,
            @Nullable HttpHeaders headers,
            @Nullable String error) {

        static Answer none(String error) {
            return new Answer(0, new byte[0], null, error);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        @Nullable
        String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }

        /** The status and the problem's title, e.g. {@code 503 Service overloaded}, or why nothing answered. */
        String reason() {
            if (status == 0) {
                return "no answer (" + error + ")";
            }
            String title = problemTitle();
            return title == null ? Integer.toString(status) : status + " " + title;
        }

        private @Nullable String problemTitle() {
            if (body.length == 0 || body.length > 64 * 1024) {
                return null;
            }
            try {
                JsonNode title = json().path("title");
                return title.isString() && !title.asString().isBlank() ? title.asString() : null;
            } catch (JacksonException notJson) {
                return null;
            }
        }
    }

    private final URI gateway;
    private final RetryBudget budget;
    private final Recorder recorder;
    private final Duration timeout;
    private final HttpClient anonymous;

    Calls(URI gateway, RetryBudget budget, Recorder recorder, Duration timeout) {
        String base = gateway.toString();
        this.gateway = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.budget = budget;
        this.recorder = recorder;
        this.timeout = timeout;
        this.anonymous = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    URI gateway() {
        return gateway;
    }

    /** A call to the gateway without a viewer (public reads). */
    Answer anonymous(String method, String path, @Nullable Object body, Policy policy) throws InterruptedException {
        return call(anonymous, null, method, path, body, Map.of(), policy);
    }

    /**
     * A call to the gateway as {@code viewer}, with its token when it has one.
     *
     * @param headers extra request headers
     */
    Answer api(
            Viewer viewer,
            String method,
            String path,
            @Nullable Object body,
            Map<String, String> headers,
            Policy policy)
            throws InterruptedException {
        return call(viewer.http, viewer, method, path, body, headers, policy);
    }

    /**
     * GETs an object of a session's media from its edges, in order: a 5xx or no answer moves on to the next edge, as a
     * player falls back down its list; when every edge failed, the whole list is tried again as a retry.
     */
    Answer edge(Viewer viewer, EdgeWalk walk, String relativeOrAbsolute, Policy policy) throws InterruptedException {
        if (policy.measured) {
            budget.onRequest();
        }
        Answer answer = Answer.none("no edge");
        for (int attempt = 1; ; attempt++) {
            answer = walk.fetch(relativeOrAbsolute, url -> get(viewer.http, url, policy));
            if (answer.ok() || !retryable(answer.status()) || !mayRetry(attempt, policy)) {
                return answer;
            }
            backoff(attempt, answer);
            walk.restart();
        }
    }

    private Answer get(HttpClient http, String url, Policy policy) throws InterruptedException {
        Answer answer = send(http, HttpRequest.newBuilder(URI.create(url)).GET());
        if (!answer.ok() && policy.measured) {
            recorder.error(statusKey(answer));
        }
        return answer;
    }

    private Answer call(
            HttpClient http,
            @Nullable Viewer viewer,
            String method,
            String path,
            @Nullable Object body,
            Map<String, String> headers,
            Policy policy)
            throws InterruptedException {
        if (policy.measured) {
            budget.onRequest();
        }
        byte[] payload = body == null ? null : JSON.writeValueAsBytes(body);
        boolean loggedInAgain = false;
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                    .header("Accept", "application/json")
                    .method(
                            method,
                            payload == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(payload));
            if (payload != null) {
                request.header("Content-Type", "application/json");
            }
            String token = viewer == null ? null : viewer.token();
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            Answer answer = send(http, request);
            if (answer.ok()) {
                return answer;
            }
            if (policy.measured) {
                recorder.error(statusKey(answer));
            }
            if (answer.status() == 401 && viewer != null && token != null && !loggedInAgain) {
                loggedInAgain = true;
                Answer login = logIn(viewer);
                if (login.ok()) {
                    attempt--;
                    continue;
                }
                return answer;
            }
            if (!retryable(answer.status()) || !mayRetry(attempt, policy)) {
                return answer;
            }
            backoff(attempt, answer);
        }
    }

    /** Signs up {@code viewer}'s account. */
    Answer signUp(Viewer viewer) throws InterruptedException {
        return call(
                viewer.http,
                null,
                "POST",
                "/api/v1/accounts",
                Map.of(
                        "email",
                        viewer.email,
                        "password",
                        viewer.password,
                        "displayName",
                        "Load viewer " + viewer.index),
                Map.of(),
                Policy.QUIET);
    }

    /** Logs {@code viewer} in and keeps its new token; the answer says whether that worked. */
    Answer logIn(Viewer viewer) throws InterruptedException {
        Answer login = call(
                viewer.http,
                null,
                "POST",
                "/api/v1/auth/login",
                Map.of("email", viewer.email, "password", viewer.password),
                Map.of(),
                Policy.QUIET);
        if (!login.ok()) {
            return login;
        }
        String header = login.header("Authorization");
        String token = header != null && header.startsWith("Bearer ")
                ? header.substring("Bearer ".length())
                : login.json().path("accessToken").asString("");
        if (token.isBlank()) {
            return new Answer(login.status(), login.body(), login.headers(), "login answered without a token");
        }
        viewer.token(token);
        return login;
    }

    private boolean mayRetry(int attempt, Policy policy) {
        if (attempt >= policy.attempts) {
            return false;
        }
        if (!policy.measured) {
            return true;
        }
        if (!budget.tryRetry()) {
            recorder.budgetExhausted();
            return false;
        }
        recorder.retried();
        return true;
    }

    private static void backoff(int attempt, Answer answer) throws InterruptedException {
        Thread.sleep(RetryBudget.backoff(attempt, BACKOFF_BASE, BACKOFF_MAX, retryAfter(answer.header("Retry-After"))));
    }

    private Answer send(HttpClient http, HttpRequest.Builder request) throws InterruptedException {
        try {
            HttpResponse<byte[]> response =
                    http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body(), response.headers(), null);
        } catch (IOException e) {
            String message = e.getMessage();
            return Answer.none(e.getClass().getSimpleName() + (message == null ? "" : ": " + message));
        }
    }

    /** Whether a well-behaved client tries again: overload (503, 429), a bad or slow proxy hop (502, 504), no answer. */
    static boolean retryable(int status) {
        return List.of(0, 429, 502, 503, 504).contains(status);
    }

    static String statusKey(Answer answer) {
        return answer.status() == 0 ? Recorder.NO_ANSWER : Integer.toString(answer.status());
    }

    /** A {@code Retry-After} value (seconds or an HTTP date) as a wait, or null when absent or unreadable. */
    static @Nullable Duration retryAfter(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(trimmed));
            } catch (NumberFormatException tooLong) {
                return null;
            }
        }
        try {
            Duration wait = Duration.between(
                    ZonedDateTime.now(), ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME));
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    void close() {
        anonymous.shutdownNow();
    }
}
