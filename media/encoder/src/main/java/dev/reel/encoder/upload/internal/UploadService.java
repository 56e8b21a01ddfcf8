package dev.reel.encoder.upload.internal;

import dev.reel.encoder.EncoderProperties;
import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.job.JobRequest;
import dev.reel.encoder.job.Jobs;
import dev.reel.encoder.probe.MediaProber;
import dev.reel.encoder.upload.NewUpload;
import dev.reel.encoder.upload.Upload;
import dev.reel.encoder.upload.UploadHeaders;
import dev.reel.encoder.upload.UploadState;
import dev.reel.encoder.upload.Uploads;
import dev.reel.kit.web.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Uploads} on PostgreSQL and the work directory.
 *
 * <h2>Writing a chunk</h2>
 *
 * A chunk is written in one transaction that holds the upload's row lock ({@code FOR UPDATE NOWAIT}, so a second
 * concurrent chunk gets 409 at once instead of waiting): the part file is cut back to the recorded offset (dropping
 * bytes an earlier, crashed attempt wrote but never recorded), the body is streamed after it and forced to disk, and
 * only then is the new offset recorded. A body that breaks off keeps what arrived. The transaction holds a database
 * connection while the body streams, so the connection pool bounds the number of chunks written at once.
 *
 * <h2>Completing: crash safety</h2>
 *
 * Once every byte is recorded (that commit comes first, on its own), a second transaction locks the row again, probes
 * and decodes the file, then either marks the upload rejected (and deletes the file after the commit) or, for an
 * accepted master, <em>moves first and commits second</em>: the part file is renamed atomically to {@code
 * masters/<id>/master.<ext>}, then {@link Jobs#submit} and the COMPLETE state commit together. The states a crash can
 * leave are therefore:
 *
 * <ul>
 *   <li>before the rename: RECEIVING with every byte in the part file; the check simply runs again;
 *   <li>after the rename, before the commit: RECEIVING with every byte, no part file, and the master in place. The
 *       check finds the master where the part file should be and accepts it from there without moving it again, so
 *       the master is never lost;
 *   <li>after the commit: COMPLETE with exactly one job, whose master is already in place when any worker sees it.
 * </ul>
 *
 * A job is only ever created in the transaction that flips the locked row from RECEIVING to COMPLETE, so no sequence
 * of retries, concurrent requests, crashes or instances creates two. The check runs again when the client repeats its
 * last chunk or sends an empty one at {@code offset == length}, and {@link UploadCleaner} also runs it for uploads left
 * in that state, so a restart finishes them even if the client never comes back. A rejected upload's files are
 * deleted after its commit; a crash in between leaves an orphan the cleaner removes.
 */
@Service
class UploadService implements Uploads {

    private static final Logger log = LoggerFactory.getLogger(UploadService.class);

    /** PostgreSQL's {@code lock_not_available}, raised by {@code FOR UPDATE NOWAIT}. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    /** What a client is told to wait when the master could not be checked for a reason of ours. */
    private static final Duration CHECK_RETRY_AFTER = Duration.ofSeconds(30);

    /** Uploads handled per kind per housekeeping pass. */
    private static final int SWEEP_BATCH = 100;

    private final UploadRepository repository;
    private final CatalogTitles titles;
    private final Jobs jobs;
    private final UploadFiles files;
    private final MasterCheck masters;
    private final TransactionTemplate transactions;
    private final EncoderProperties.Uploads settings;
    private final Clock clock;

    UploadService(
            UploadRepository repository,
            CatalogTitles titles,
            Jobs jobs,
            EncoderProperties properties,
            PlatformTransactionManager transactionManager,
            ObjectProvider<MediaProber> probers,
            ObjectProvider<FfmpegRunner> runners,
            ObjectProvider<Clock> clocks) {
        this.repository = repository;
        this.titles = titles;
        this.jobs = jobs;
        this.files = new UploadFiles(properties.workDir());
        this.masters = new MasterCheck(new LazyProber(probers, runners));
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = properties.uploads();
        this.clock = clocks.getIfAvailable(Clock::systemUTC);
    }

    // --- creating -------------------------------------------------------------------------------------------------

    @Override
    public Upload create(NewUpload request, UUID requestedBy) {
        UUID titleId = request.titleId();
        if (titleId == null) {
            throw ProblemException.badRequest("titleId is required");
        }
        String filename = request.filename();
        Optional<String> badName = Filenames.problem(filename);
        if (badName.isPresent() || filename == null) {
            throw ProblemException.badRequest("Bad filename: " + badName.orElse("filename is required"));
        }
        Long length = request.length();
        if (length == null) {
            throw ProblemException.badRequest("length (the file's size in bytes) is required");
        }
        if (length <= 0) {
            throw ProblemException.badRequest("The file is empty: length must be at least 1 byte");
        }
        long maxSize = settings.maxSize().toBytes();
        if (length > maxSize) {
            throw new ProblemException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Content too large",
                    "The file is " + length + " bytes; masters may be at most " + maxSize + " bytes");
        }
        titles.requireExists(titleId);
        Instant now = clock.instant();
        UploadRow row = new UploadRow(
                UUID.randomUUID(),
                titleId,
                filename,
                length,
                0,
                UploadState.RECEIVING,
                Objects.requireNonNullElse(request.ladder(), JobRequest.LadderMode.PER_TITLE),
                Objects.requireNonNullElse(request.profile(), JobRequest.EncodingProfile.STANDARD),
                requestedBy,
                null,
                null,
                null,
                now,
                now,
                now.plus(settings.expireAfter()));
        repository.insert(row);
        log.info("upload {} of {} bytes for title {} created", row.id(), length, titleId);
        return row.toUpload();
    }

    @Override
    public Upload get(UUID id) {
        return find(id).toUpload();
    }

    // --- writing --------------------------------------------------------------------------------------------------

    @Override
    public Upload receive(UUID id, long offset, long contentLength, InputStream body) {
        UploadRow current = find(id);
        if (current.state() != UploadState.RECEIVING) {
            return finish(outcomeOf(current));
        }
        if (offset < 0) {
            throw ProblemException.badRequest("Upload-Offset must not be negative");
        }
        if (offset != current.received()) {
            throw offsetConflict(
                    current.received(),
                    "Upload-Offset is " + offset + " but the upload is at " + current.received()
                            + "; resume from there (HEAD tells the current offset)");
        }
        long maxChunk = settings.maxChunk().toBytes();
        if (contentLength > maxChunk) {
            throw chunkTooLarge(maxChunk);
        }
        if (contentLength > current.length() - offset) {
            throw pastLength(current, offset);
        }
        Outcome written =
                Objects.requireNonNull(transactions.execute(tx -> write(id, offset, contentLength, body, current)));
        if (written.problem() == null
                && written.row().state() == UploadState.RECEIVING
                && written.row().allReceived()) {
            return finish(complete(id, true));
        }
        return finish(written);
    }

    /** Inside the transaction: lock, append, record. Returns problems instead of throwing them, so the offset commits. */
    private Outcome write(UUID id, long offset, long contentLength, InputStream body, UploadRow before) {
        UploadRow row = lockNowait(id, before.received());
        if (row.state() != UploadState.RECEIVING) {
            return outcomeOf(row);
        }
        if (offset != row.received()) {
            return Outcome.failed(
                    row,
                    offsetConflict(
                            row.received(),
                            "Upload-Offset is " + offset + " but the upload is at " + row.received()
                                    + "; resume from there"));
        }
        long remaining = row.length() - offset;
        if (remaining == 0) {
            // Every byte is here already: an empty chunk retries the check; anything more would pass the length.
            return contentLength != 0 && hasMore(body) ? Outcome.failed(row, pastLength(row, offset)) : Outcome.ok(row);
        }
        long maxChunk = settings.maxChunk().toBytes();
        UploadFiles.Appended appended;
        try {
            appended = files.append(id, offset, Math.min(maxChunk, remaining), contentLength, body);
        } catch (UploadFiles.PartFileShort lost) {
            UploadRow reset = recordReceived(row, lost.size());
            log.warn("upload {}: part file holds {} bytes, not {}; client must resume there", id, lost.size(), offset);
            return Outcome.failed(
                    reset,
                    offsetConflict(
                            lost.size(),
                            "The server holds only " + lost.size() + " bytes of this upload; resume from there"));
        }
        if (appended.ending() == UploadFiles.Ending.OVERFLOW) {
            return Outcome.failed(row, maxChunk < remaining ? chunkTooLarge(maxChunk) : pastLength(row, offset));
        }
        UploadRow updated = recordReceived(row, offset + appended.bytes());
        if (appended.ending() == UploadFiles.Ending.EARLY) {
            ProblemException early = offsetProblem(
                    HttpStatus.BAD_REQUEST,
                    "Incomplete chunk",
                    updated.received(),
                    "The body ended after " + appended.bytes() + " bytes; they were kept. Resume at offset "
                            + updated.received());
            return Outcome.failed(updated, early);
        }
        return Outcome.ok(updated);
    }

    private UploadRow recordReceived(UploadRow row, long received) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.expireAfter());
        repository.updateReceived(row.id(), received, now, expiresAt);
        return new UploadRow(
                row.id(),
                row.titleId(),
                row.filename(),
                row.length(),
                received,
                row.state(),
                row.ladder(),
                row.profile(),
                row.requestedBy(),
                row.jobId(),
                row.masterPath(),
                row.rejection(),
                row.createdAt(),
                now,
                expiresAt);
    }

    // --- completing -----------------------------------------------------------------------------------------------

    /**
     * Checks a fully received upload and completes or rejects it, in one transaction holding the row lock (see the
     * class description for the crash-safe order).
     *
     * @param wait whether to wait for the row lock; without, an upload another transaction holds is left alone
     */
    Outcome complete(UUID id, boolean wait) {
        try {
            Outcome outcome = transactions.execute(tx -> completeLocked(id, wait));
            return outcome == null ? Outcome.ok(find(id)) : outcome;
        } catch (MasterCheck.CheckUnavailable e) {
            log.error("upload {}: the master could not be checked", id, e);
            ProblemException unavailable = new ProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Service unavailable",
                    "The master could not be checked right now (ffmpeg could not run). Every byte is kept: repeat"
                            + " the last PATCH later, or send an empty one at the upload's length");
            unavailable.getHeaders().set("Retry-After", Long.toString(CHECK_RETRY_AFTER.toSeconds()));
            throw unavailable;
        }
    }

    private @Nullable Outcome completeLocked(UUID id, boolean wait) {
        Optional<UploadRow> locked = wait ? repository.lock(id) : repository.lockSkipLocked(id);
        if (locked.isEmpty()) {
            if (wait) {
                throw notFound(id);
            }
            return null;
        }
        UploadRow row = locked.get();
        if (row.state() != UploadState.RECEIVING || !row.allReceived()) {
            return outcomeOf(row);
        }
        Path part = files.part(id);
        Path source =
                Files.isRegularFile(part) ? part : files.existingMaster(id).orElse(null);
        if (source == null) {
            UploadRow reset = recordReceived(row, 0);
            log.error("upload {}: every byte was recorded but neither the part file nor a master exists", id);
            return Outcome.failed(
                    reset,
                    offsetConflict(0, "The server lost this upload's bytes; upload the file again from offset 0"));
        }
        Optional<String> problem = masters.problem(source, row.filename());
        Instant now = clock.instant();
        if (problem.isPresent()) {
            String reason = problem.get();
            repository.markRejected(id, reason, now);
            log.info("upload {} rejected: {}", id, reason);
            UploadRow rejected = repository.find(id).orElseThrow();
            return new Outcome(rejected, rejected(rejected), true);
        }
        Path master = source.equals(part) ? files.moveToMaster(id, Filenames.extension(row.filename())) : source;
        UUID jobId =
                jobs.submit(new JobRequest(row.titleId(), id, master, row.ladder(), row.profile(), row.requestedBy()));
        repository.markComplete(id, jobId, master.toString(), now);
        log.info("upload {} complete: master {} handed to job {}", id, master, jobId);
        return Outcome.ok(repository.find(id).orElseThrow());
    }

    // --- abandoning and cleaning ----------------------------------------------------------------------------------

    @Override
    public void abandon(UUID id) {
        UploadRow current = find(id);
        transactions.executeWithoutResult(tx -> {
            UploadRow row = lockNowait(id, current.received());
            if (row.state() == UploadState.COMPLETE) {
                throw ProblemException.conflict("Upload " + id + " is complete; its master belongs to job "
                        + row.jobId() + " and cannot be abandoned");
            }
            repository.delete(id);
        });
        files.deleteAll(id);
        log.info("upload {} abandoned", id);
    }

    /**
     * One pass of housekeeping, run by {@link UploadCleaner}:
     *
     * <ol>
     *   <li>unfinished uploads whose expiry passed are deleted with their files (one being written to is skipped);
     *   <li>uploads that received every byte but were left unchecked for a whole interval (the process died, or the
     *       check could not run) are checked and completed or rejected, so a restart finishes them without the client;
     *   <li>orphaned files are deleted: a part file without an unfinished upload, a master directory without an
     *       unfinished or complete upload (left when a crash came between a commit and the deletion that follows it).
     * </ol>
     *
     * Safe to run on several instances at once: every change is made under the row lock.
     *
     * @return how many uploads were expired, completed or rejected, plus how many orphans were removed
     */
    int clean() {
        Instant now = clock.instant();
        int changed = 0;
        for (UUID id : repository.expired(now, SWEEP_BATCH)) {
            if (expire(id, now)) {
                changed++;
            }
        }
        Instant quietSince = now.minus(settings.cleanInterval());
        for (UUID id : repository.stalledComplete(quietSince, SWEEP_BATCH)) {
            try {
                Outcome outcome = complete(id, false);
                if (outcome.row().state() != UploadState.RECEIVING) {
                    if (outcome.deleteFiles()) {
                        files.deleteAll(id);
                    }
                    changed++;
                }
            } catch (RuntimeException e) {
                log.warn("upload {}: could not finish the check ({})", id, e.toString());
            }
        }
        for (UUID id : files.partFilesOlderThan(quietSince)) {
            if (repository.state(id).filter(s -> s == UploadState.RECEIVING).isEmpty()) {
                files.deletePart(id);
                log.info("deleted the orphaned part file of upload {}", id);
                changed++;
            }
        }
        for (UUID id : files.masterDirsOlderThan(quietSince)) {
            Optional<UploadState> state = repository.state(id);
            if (state.isEmpty() || state.get() == UploadState.REJECTED) {
                files.deleteAll(id);
                log.info("deleted the orphaned master of upload {}", id);
                changed++;
            }
        }
        return changed;
    }

    private boolean expire(UUID id, Instant now) {
        Boolean deleted = transactions.execute(tx -> {
            Optional<UploadRow> row = repository.lockSkipLocked(id);
            if (row.isEmpty()
                    || row.get().state() != UploadState.RECEIVING
                    || !row.get().expiresAt().isBefore(now)) {
                return false;
            }
            repository.delete(id);
            return true;
        });
        if (Boolean.TRUE.equals(deleted)) {
            files.deleteAll(id);
            log.info("upload {} expired and was deleted", id);
            return true;
        }
        return false;
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private UploadRow find(UUID id) {
        return repository.find(id).orElseThrow(() -> notFound(id));
    }

    private UploadRow lockNowait(UUID id, long offsetHint) {
        try {
            return repository.lockNowait(id).orElseThrow(() -> notFound(id));
        } catch (DataAccessException e) {
            if (isLockNotAvailable(e)) {
                throw offsetConflict(
                        offsetHint,
                        "Another request is writing to this upload; wait for it, then resume"
                                + " from the offset HEAD reports");
            }
            throw e;
        }
    }

    private static boolean isLockNotAvailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasMore(InputStream body) {
        try {
            return body.read() >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private Outcome outcomeOf(UploadRow row) {
        return row.state() == UploadState.REJECTED ? Outcome.failed(row, rejected(row)) : Outcome.ok(row);
    }

    private Upload finish(Outcome outcome) {
        if (outcome.deleteFiles()) {
            files.deleteAll(outcome.row().id());
        }
        ProblemException problem = outcome.problem();
        if (problem != null) {
            throw problem;
        }
        return outcome.row().toUpload();
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("There is no upload " + id);
    }

    private static ProblemException rejected(UploadRow row) {
        ProblemException problem = ProblemException.unprocessable("Not a usable video master: " + row.rejection());
        problem.getBody().setProperty("rejection", row.rejection());
        return problem;
    }

    private static ProblemException offsetConflict(long offset, String detail) {
        return offsetProblem(HttpStatus.CONFLICT, "Conflict", offset, detail);
    }

    private static ProblemException offsetProblem(HttpStatus status, String title, long offset, String detail) {
        ProblemException problem = new ProblemException(status, title, detail);
        problem.getBody().setProperty("offset", offset);
        problem.getHeaders().set(UploadHeaders.OFFSET, Long.toString(offset));
        return problem;
    }

    private static ProblemException chunkTooLarge(long maxChunk) {
        return new ProblemException(
                HttpStatus.CONTENT_TOO_LARGE,
                "Content too large",
                "A chunk may be at most " + maxChunk + " bytes; send the file in smaller PATCH requests");
    }

    private static ProblemException pastLength(UploadRow row, long offset) {
        return offsetProblem(
                HttpStatus.BAD_REQUEST,
                "Bad request",
                offset,
                "The chunk goes past the declared length: " + (row.length() - offset) + " bytes remain after offset "
                        + offset);
    }

    /**
     * What a transaction decided, applied after it committed.
     *
     * @param row the upload as committed
     * @param problem the problem to answer with, or null for success
     * @param deleteFiles whether the upload's files are to be deleted (a rejected master)
     */
    record Outcome(UploadRow row, @Nullable ProblemException problem, boolean deleteFiles) {

        static Outcome ok(UploadRow row) {
            return new Outcome(row, null, false);
        }

        static Outcome failed(UploadRow row, ProblemException problem) {
            return new Outcome(row, problem, false);
        }
    }

    /** The prober bean if there is one, else one over the runner bean or the environment's ffmpeg; made on first use. */
    private static final class LazyProber implements Supplier<MediaProber> {
        private final ObjectProvider<MediaProber> probers;
        private final ObjectProvider<FfmpegRunner> runners;
        private volatile @Nullable MediaProber prober;

        LazyProber(ObjectProvider<MediaProber> probers, ObjectProvider<FfmpegRunner> runners) {
            this.probers = probers;
            this.runners = runners;
        }

        @Override
        public MediaProber get() {
            MediaProber current = prober;
            if (current == null) {
                current = probers.getIfAvailable(
                        () -> new MediaProber(runners.getIfAvailable(FfmpegRunner::fromEnvironment)));
                prober = current;
            }
            return current;
        }
    }
}
