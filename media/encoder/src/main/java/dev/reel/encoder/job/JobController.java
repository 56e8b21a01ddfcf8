package dev.reel.encoder.job;

import dev.reel.encoder.EncoderProperties;
import dev.reel.kit.web.Page;
import dev.reel.kit.web.PageRequest;
import dev.reel.kit.web.ProblemException;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /api/v1/studio/jobs}, admin only: a job with its ladder and result, the job list, the job as a server-sent
 * event stream, and retrying a failed job.
 */
@RestController
@RequestMapping(path = "/api/v1/studio/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
@PreAuthorize("hasRole('ADMIN')")
class JobController {

    private static final Logger log = LoggerFactory.getLogger(JobController.class);

    private final StudioJobs jobs;
    private final EncoderProperties.Events events;

    JobController(StudioJobs jobs, EncoderProperties properties) {
        this.jobs = jobs;
        this.events = properties.jobs().events();
    }

    /** The job; 404 problem when there is none. */
    @GetMapping("/{id}")
    JobView get(@PathVariable UUID id) {
        return jobs.find(id).orElseThrow(() -> notFound(id));
    }

    /** Jobs newest first, optionally of one title and/or in one state. */
    @GetMapping
    Page<JobSummary> list(
            @RequestParam(required = false) @Nullable UUID titleId,
            @RequestParam(required = false) @Nullable JobState state,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        return jobs.list(titleId, state, PageRequest.of(page, size));
    }

    /**
     * The job as {@code text/event-stream}: an event {@code job} with the job's JSON now and whenever it changes, a
     * comment every heartbeat interval while nothing does, and the end of the stream once the job is done or failed.
     * The job is read from the database, so the stream follows work on every instance.
     */
    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable UUID id) {
        JobView first = jobs.find(id).orElseThrow(() -> notFound(id));
        SseEmitter emitter = new SseEmitter(events.timeout().toMillis());
        Thread.ofVirtual().name("job-events-" + id).start(() -> stream(id, first, emitter));
        return emitter;
    }

    /** Resumes a failed job from the stage that failed: 202 with the job; 409 problem for a job that is not failed. */
    @PostMapping("/{id}/retry")
    ResponseEntity<JobView> retry(@PathVariable UUID id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(jobs.retry(id));
    }

    private void stream(UUID id, JobView first, SseEmitter emitter) {
        JobView last = null;
        Optional<JobView> current = Optional.of(first);
        long lastSent = System.nanoTime();
        try {
            while (current.isPresent()) {
                JobView job = current.get();
                if (!Objects.equals(job, last)) {
                    emitter.send(SseEmitter.event().name("job").data(job, MediaType.APPLICATION_JSON));
                    last = job;
                    lastSent = System.nanoTime();
                    if (job.state().finished()) {
                        break;
                    }
                } else if (System.nanoTime() - lastSent >= events.heartbeat().toNanos()) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    lastSent = System.nanoTime();
                }
                Thread.sleep(events.pollInterval());
                current = jobs.find(id);
            }
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            // The client went away or the emitter timed out: nothing left to send to.
            log.debug("job {} event stream ended: {}", id, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } catch (RuntimeException e) {
            log.warn("job {} event stream failed: {}", id, e.toString());
            emitter.completeWithError(e);
        }
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No encoding job " + id);
    }
}
