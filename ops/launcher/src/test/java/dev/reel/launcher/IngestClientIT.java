package dev.reel.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.launcher.studio.ApiProblemException;
import dev.reel.launcher.studio.Backoff;
import dev.reel.launcher.studio.GatewayClient;
import dev.reel.launcher.studio.Job;
import dev.reel.launcher.studio.JobFollower;
import dev.reel.launcher.studio.JobListener;
import dev.reel.launcher.studio.Ladder;
import dev.reel.launcher.studio.Profile;
import dev.reel.launcher.studio.ResumeStore;
import dev.reel.launcher.studio.StudioClient;
import dev.reel.launcher.studio.StudioServer;
import dev.reel.launcher.studio.StudioServer.Fault;
import dev.reel.launcher.studio.StudioServer.Step;
import dev.reel.launcher.studio.Upload;
import dev.reel.launcher.studio.UploadListener;
import dev.reel.launcher.studio.Uploader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The studio client against a server that speaks the upload and job protocol over real HTTP, with faults injected:
 * chunking, a connection dropped mid-chunk, a 409 offset conflict, resuming in a second run, a rejected master, an
 * expired token, dropped and unavailable event streams; and {@code reel ingest} end to end against it.
 */
class IngestClientIT {

    private static final String PASSWORD = "correct-horse-battery";
    private static final Backoff QUICK = new Backoff(Duration.ofMillis(10), Duration.ofMillis(40), 5);
    private static final long CHUNK = 64 * 1024;

    @TempDir
    Path directory;

    private StudioServer server;
    private Path master;
    private byte[] content;
    private UUID title;
    private final Recorder recorder = new Recorder();
    private final CopyOnWriteArrayList<GatewayClient> clients = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new StudioServer(PASSWORD);
        title = server.title();
        content = new byte[300_000];
        new Random(42).nextBytes(content);
        master = directory.resolve("master.mp4");
        Files.write(master, content);
    }

    @AfterEach
    void stop() {
        clients.forEach(GatewayClient::close);
        server.close();
    }

    @Test
    void uploadsInChunksThenFollowsTheJobToDone() throws Exception {
        Upload upload = uploader().upload(master, title, Ladder.FIXED, Profile.FAST, recorder);

        assertThat(upload.jobId()).isNotNull();
        assertThat(server.uploads()).singleElement().satisfies(u -> {
            assertThat(u.bytes()).isEqualTo(content);
            assertThat(u.ladder()).isEqualTo("FIXED");
            assertThat(u.profile()).isEqualTo("FAST");
            assertThat(u.filename()).isEqualTo("master.mp4");
        });
        assertThat(server.patches.get()).isEqualTo(5); // ceil(300000 / 65536)
        assertThat(recorder.events).first().isEqualTo("started 0 resumed=false");
        assertThat(recorder.events).last().isEqualTo("completed");
        assertThat(resumeEntries()).as("a finished upload is forgotten").isEmpty();

        Job job = follower().follow(upload.jobId(), recorder);

        assertThat(job.isDone()).isTrue();
        assertThat(recorder.states).containsSubsequence("QUEUED", "ENCODING", "PACKAGING", "DONE");
        assertThat(server.eventStreams.get()).isEqualTo(1);
    }

    @Test
    void resumesFromTheServersOffsetAfterTheConnectionDropsMidChunk() throws Exception {
        server.fault(2, Fault.DROP_MID_CHUNK);

        Upload upload = uploader().upload(master, title, Ladder.PER_TITLE, Profile.STANDARD, recorder);

        assertThat(upload.jobId()).isNotNull();
        assertThat(server.uploads().getFirst().bytes()).isEqualTo(content);
        assertThat(recorder.events).anyMatch(e -> e.startsWith("retrying"));
        assertThat(server.heads.get())
                .as("the offset after the drop comes from HEAD")
                .isEqualTo(1);
        assertThat(recorder.progress)
                .as("the server kept half of the dropped chunk, and the upload continued from there")
                .contains(CHUNK + CHUNK / 2);
    }

    @Test
    void continuesFromTheOffsetThatA409Names() throws Exception {
        server.fault(3, Fault.CONFLICT_REWIND);

        Upload upload = uploader().upload(master, title, Ladder.PER_TITLE, Profile.STANDARD, recorder);

        assertThat(upload.jobId()).isNotNull();
        assertThat(server.uploads().getFirst().bytes()).isEqualTo(content);
        assertThat(recorder.progress).contains(2 * CHUNK - 1000);
        assertThat(server.heads.get())
                .as("a 409 names the offset; no HEAD needed")
                .isZero();
    }

    @Test
    void aSecondRunResumesTheUnfinishedUploadInsteadOfStartingOver() throws Exception {
        for (int patch = 3; patch <= 3 + QUICK.attempts(); patch++) {
            server.fault(patch, Fault.UNAVAILABLE);
        }
        assertThatThrownBy(() -> uploader().upload(master, title, Ladder.PER_TITLE, Profile.STANDARD, recorder))
                .isInstanceOf(ApiProblemException.class)
                .hasMessage("Service Unavailable: No encoder instance is available");
        assertThat(resumeEntries()).hasSize(1);
        assertThat(server.uploads().getFirst().bytes()).hasSize((int) (2 * CHUNK));

        var second = new Recorder();
        Upload upload = uploader().upload(master, title, Ladder.PER_TITLE, Profile.STANDARD, second);

        assertThat(server.creates.get()).as("one upload, resumed").isEqualTo(1);
        assertThat(second.events).first().isEqualTo("started " + 2 * CHUNK + " resumed=true");
        assertThat(upload.jobId()).isNotNull();
        assertThat(server.uploads().getFirst().bytes()).isEqualTo(content);
        assertThat(resumeEntries()).isEmpty();
    }

    @Test
    void aChangedMasterIsANewUpload() throws Exception {
        for (int patch = 2; patch <= 2 + QUICK.attempts(); patch++) {
            server.fault(patch, Fault.UNAVAILABLE);
        }
        assertThatThrownBy(() -> uploader().upload(master, title, Ladder.PER_TITLE, Profile.STANDARD, recorder))
                .isInstanceOf(ApiProblemException.class);
        Files.write(master, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);

        uploader().upload(master, title, Ladder.PER_TITLE, Profile.STANDARD, recorder);

        assertThat(server.creates.get()).isEqualTo(2);
    }

    @Test
    void aRejectedMasterIsAProblemInWordsAndTheUploadIsForgotten() throws IOException {
        server.rejectMasters("Unsupported master");

        assertThatThrownBy(() -> uploader().upload(master, title, Ladder.PER_TITLE, Profile.STANDARD, recorder))
                .isInstanceOf(ApiProblemException.class)
                .hasMessage("Unsupported master: ffprobe found no video stream in master.mp4")
                .satisfies(e -> assertThat(((ApiProblemException) e).status()).isEqualTo(422));
        assertThat(resumeEntries()).isEmpty();
    }

    @Test
    void anUnknownTitleIsAProblemBeforeAnyByteIsSent() throws IOException {
        assertThatThrownBy(() ->
                        uploader().upload(master, UUID.randomUUID(), Ladder.PER_TITLE, Profile.STANDARD, recorder))
                .isInstanceOf(ApiProblemException.class)
                .hasMessageStartingWith("Title not found: No title ");
        assertThat(server.patches.get()).isZero();
        assertThat(resumeEntries()).isEmpty();
    }

    @Test
    void logsInAgainWhenTheTokenExpiresMidUpload() throws Exception {
        server.fault(2, Fault.EXPIRE_TOKEN);

        Upload upload = uploader().upload(master, title, Ladder.PER_TITLE, Profile.STANDARD, recorder);

        assertThat(server.logins.get()).isEqualTo(2);
        assertThat(upload.jobId()).isNotNull();
        assertThat(server.uploads().getFirst().bytes()).isEqualTo(content);
    }

    @Test
    void reconnectsWhenTheEventStreamEndsBeforeTheJob() throws Exception {
        server.dropFirstStreamAfter(1);
        Upload upload = uploader().upload(master, title, Ladder.PER_TITLE, Profile.STANDARD, UploadListener.NONE);

        Job job = follower().follow(upload.jobId(), recorder);

        assertThat(job.isDone()).isTrue();
        assertThat(server.eventStreams.get()).isEqualTo(2);
        assertThat(recorder.events).contains("reconnecting: the event stream ended before the job did");
    }

    @Test
    void pollsWhenEventsAreUnavailableAndReportsTheFailureReason() throws Exception {
        server.eventsUnavailable();
        server.script(List.of(
                new Step("QUEUED", 0, null, null),
                new Step("ENCODING", 30, 20L, null),
                new Step("FAILED", 30, null, "chunk 3 of 240p failed: x264 exited with 1")));
        Upload upload = uploader().upload(master, title, Ladder.PER_TITLE, Profile.STANDARD, UploadListener.NONE);

        Job job = follower().follow(upload.jobId(), recorder);

        assertThat(job.isFailed()).isTrue();
        assertThat(job.failureReason()).isEqualTo("chunk 3 of 240p failed: x264 exited with 1");
        assertThat(server.polls.get()).isPositive();
    }

    @Test
    void ingestCommandUploadsFollowsTheJobAndExitsZero() throws IOException {
        writeAdminFile();
        var out = new StringWriter();
        var err = new StringWriter();

        int exit = ingest(out, err, master.toString(), "--title", title.toString(), "--chunk-size", "64KiB");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("encoding job ").contains("done: title " + title);
        assertThat(err.toString())
                .contains("Ingesting master.mp4 (300.0 kB) for title " + title)
                .contains("upload 100% (300.0 kB of 300.0 kB)")
                .contains("job 100% done");
        assertThat(server.uploads().getFirst().bytes()).isEqualTo(content);
        assertThat(server.patches.get()).isEqualTo(5);
    }

    @Test
    void ingestCommandExitsOneWithTheJobsFailureReason() throws IOException {
        writeAdminFile();
        server.script(List.of(new Step("ANALYSING", 5, null, null), new Step("FAILED", 5, null, "no video stream")));
        var out = new StringWriter();
        var err = new StringWriter();

        int exit = ingest(out, err, master.toString(), "--title", title.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("failed: no video stream").doesNotContain("Exception");
    }

    @Test
    void ingestCommandPrintsAProblemInWordsForAnUnknownTitle() throws IOException {
        writeAdminFile();
        var out = new StringWriter();
        var err = new StringWriter();

        UUID unknown = UUID.randomUUID();
        int exit = ingest(out, err, master.toString(), "--title", unknown.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .contains("Title not found: No title " + unknown)
                .doesNotContain("Exception");
    }

    @Test
    void ingestCommandSaysWhenReelIsNotRunning() throws IOException {
        writeAdminFile();
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var out = new StringWriter();
        var err = new StringWriter();
        long begin = System.nanoTime();

        int exit = ingest(
                out,
                err,
                master.toString(),
                "--title",
                title.toString(),
                "--gateway",
                "http://localhost:" + closedPort);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .contains("Cannot reach Reel at http://localhost:" + closedPort + " (connection refused)")
                .contains("reel up")
                .doesNotContain("\tat ");
        assertThat(Duration.ofNanos(System.nanoTime() - begin))
                .as("no retries when nothing listens")
                .isLessThan(Duration.ofSeconds(10));
    }

    private int ingest(StringWriter out, StringWriter err, String... args) {
        CommandLine commandLine = ReelCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        var all = new ArrayList<String>(List.of("ingest"));
        all.addAll(List.of(args));
        all.addAll(List.of("--data-dir", directory.resolve("data").toString()));
        if (!all.contains("--gateway")) {
            all.addAll(List.of("--gateway", server.uri().toString()));
        }
        return commandLine.execute(all.toArray(String[]::new));
    }

    private void writeAdminFile() throws IOException {
        Path data = Files.createDirectories(directory.resolve("data"));
        Files.writeString(
                data.resolve("admin.properties"), "email=" + StudioServer.email() + "\npassword=" + PASSWORD + "\n");
    }

    private Uploader uploader() {
        GatewayClient client = GatewayClient.withLogin(server.uri(), StudioServer.email(), PASSWORD);
        clients.add(client);
        return new Uploader(new StudioClient(client), new ResumeStore(directory.resolve("ingest")), CHUNK, QUICK);
    }

    private JobFollower follower() {
        GatewayClient client = GatewayClient.withLogin(server.uri(), StudioServer.email(), PASSWORD);
        clients.add(client);
        return new JobFollower(new StudioClient(client), QUICK, Duration.ofMillis(20));
    }

    private List<Path> resumeEntries() throws IOException {
        Path ingest = directory.resolve("ingest");
        if (!Files.isDirectory(ingest)) {
            return List.of();
        }
        try (var files = Files.list(ingest)) {
            return files.toList();
        }
    }

    /** Records what the uploader and follower report. */
    private static final class Recorder implements UploadListener, JobListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<Long> progress = new CopyOnWriteArrayList<>();
        final List<String> states = new CopyOnWriteArrayList<>();

        @Override
        public void started(Upload upload, long offset, long length, boolean resumed) {
            events.add("started " + offset + " resumed=" + resumed);
        }

        @Override
        public void progress(long sent, long length) {
            progress.add(sent);
        }

        @Override
        public void retrying(String reason, Duration delay) {
            events.add("retrying: " + reason);
        }

        @Override
        public void completed(Upload upload) {
            events.add("completed");
        }

        @Override
        public void update(Job job) {
            if (states.isEmpty() || !states.getLast().equals(job.state())) {
                states.add(job.state());
            }
        }

        @Override
        public void reconnecting(String reason) {
            events.add("reconnecting: " + reason);
        }
    }
}
