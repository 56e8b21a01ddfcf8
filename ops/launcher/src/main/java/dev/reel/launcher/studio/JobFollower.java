package dev.reel.launcher.studio;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Follows an encoding job until it ends: through its event stream ({@code GET .../events}, SSE events {@code job}),
 * reconnecting when the stream drops, and falling back to polling {@code GET /api/v1/studio/jobs/{id}} when the
 * stream keeps failing or is not available.
 */
public final class JobFollower {

    /** The SSE event type that carries a job document. */
    public static final String JOB_EVENT = "job";

    private static final int STREAM_FAILURES_BEFORE_POLLING = 3;

    private final StudioClient client;
    private final Backoff backoff;
    private final Duration pollInterval;

    /**
     * Creates a follower.
     *
     * @param backoff waits between reconnects, and how many consecutive failures to bear before giving up
     * @param pollInterval time between polls once the follower polls
     */
    public JobFollower(StudioClient client, Backoff backoff, Duration pollInterval) {
        this.client = client;
        this.backoff = backoff;
        this.pollInterval = pollInterval;
    }

    /**
     * Follows the job until it is {@link Job#DONE} or {@link Job#FAILED}, and returns its final state.
     *
     * @throws ApiProblemException if the job does not exist (404) or another non-transient error answers
     * @throws ConnectionException if Reel stays unreachable through every retry
     * @throws InterruptedException if interrupted; the job goes on in Reel
     */
    public Job follow(UUID jobId, JobListener listener) throws InterruptedException {
        int streamFailures = 0;
        int failures = 0;
        while (true) {
            try {
                if (streamFailures < STREAM_FAILURES_BEFORE_POLLING) {
                    StreamResult result = stream(jobId, listener);
                    if (result.end() != null) {
                        return result.end();
                    }
                    // A stream that delivered events and then ended (a server-side timeout, a restarted instance) is
                    // not a failure; one that delivered nothing is.
                    streamFailures = result.events() > 0 ? 0 : streamFailures + 1;
                    listener.reconnecting("the event stream ended before the job did");
                    Job now = client.job(jobId); // a final event may have been missed while reconnecting
                    listener.update(now);
                    if (now.isFinished()) {
                        return now;
                    }
                    Thread.sleep(backoff.delay(Math.max(1, streamFailures)));
                } else {
                    Job now = client.job(jobId);
                    listener.update(now);
                    if (now.isFinished()) {
                        return now;
                    }
                    Thread.sleep(pollInterval);
                }
                failures = 0;
            } catch (ApiProblemException e) {
                if (e.status() == 404 || e.status() == 401 || e.status() == 403) {
                    throw e;
                }
                streamFailures++;
                failures = pause(++failures, e, listener);
            } catch (ConnectionException e) {
                streamFailures++;
                failures = pause(++failures, e, listener);
            }
        }
    }

    /**
     * What one event stream delivered.
     *
     * @param end the final job, if the stream delivered it
     * @param events how many job events arrived
     */
    private record StreamResult(@Nullable Job end, int events) {}

    /** Reads the event stream until the job ends or the stream does. */
    private StreamResult stream(UUID jobId, JobListener listener) throws InterruptedException {
        HttpResponse<Stream<String>> response = client.jobEvents(jobId);
        var parser = new SseParser();
        int events = 0;
        try (Stream<String> lines = response.body()) {
            Iterator<String> iterator = lines.iterator();
            while (iterator.hasNext()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
                Optional<SseParser.Event> event = parser.accept(iterator.next());
                if (event.isEmpty() || !JOB_EVENT.equals(event.get().type())) {
                    continue;
                }
                @Nullable JsonNode json = Json.parse(event.get().data());
                if (json == null) {
                    continue;
                }
                Job job = Job.from(json);
                events++;
                listener.update(job);
                if (job.isFinished()) {
                    return new StreamResult(job, events);
                }
            }
        } catch (UncheckedIOException e) {
            // the connection dropped mid-stream: reconnect
        }
        return new StreamResult(null, events);
    }

    private int pause(int failure, StudioException cause, JobListener listener) throws InterruptedException {
        if (!backoff.retries(failure)) {
            throw cause;
        }
        listener.reconnecting(cause.getMessage());
        Thread.sleep(backoff.delay(failure));
        return failure;
    }
}
