package dev.reel.launcher.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobTest {

    private final UUID id = UUID.randomUUID();

    @Test
    void aRunningJobShowsItsTaskProgress() {
        Job job = Job.from(Json.parse("{\"id\":\"" + id + "\",\"state\":\"ENCODING\",\"percent\":45,\"etaSeconds\":80,"
                + "\"tasks\":{\"total\":40,\"done\":12,\"running\":2,\"failed\":0}}"));
        assertThat(job).isEqualTo(new Job(id, "ENCODING", "12/40 tasks", 45, 80L, null));
        assertThat(job.isFinished()).isFalse();
        assertThat(ProgressBar.jobLine(job)).isEqualTo("job 45% encoding (12/40 tasks), ETA 1:20");
    }

    @Test
    void aFailedJobNamesTheStageThatFailedAndWhy() {
        Job job = Job.from(Json.parse("{\"id\":\"" + id + "\",\"state\":\"FAILED\",\"percent\":30,\"failedStage\":"
                + "\"PACKAGING\",\"failureReason\":\"mp4 box too large\",\"tasks\":{\"total\":4,\"done\":4}}"));
        assertThat(job.isFailed()).isTrue();
        assertThat(job.failureReason()).isEqualTo("mp4 box too large");
        assertThat(ProgressBar.jobLine(job)).isEqualTo("job 30% failed (packaging)");
    }

    @Test
    void aDocumentWithoutIdOrStateIsAnError() {
        assertThatThrownBy(() -> Job.from(Json.parse("{\"state\":\"DONE\"}")))
                .isInstanceOf(StudioException.class)
                .hasMessageContaining("without an id or state");
    }

    @Test
    void anUploadIsCompleteOnceItHasAJob() {
        UUID job = UUID.randomUUID();
        Upload receiving =
                Upload.from(Json.parse("{\"id\":\"" + id + "\",\"offset\":10,\"length\":20,\"state\":\"RECEIVING\"}"));
        Upload complete = Upload.from(Json.parse("{\"id\":\"" + id
                + "\",\"offset\":20,\"length\":20,\"state\":\"COMPLETE\",\"jobId\":\"" + job + "\"}"));
        assertThat(receiving).isEqualTo(new Upload(id, 10, 20, "RECEIVING", null));
        assertThat(receiving.isComplete()).isFalse();
        assertThat(complete.isComplete()).isTrue();
        assertThat(complete.jobId()).isEqualTo(job);
    }
}
