package dev.reel.origin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OriginSettingsTest {

    @Test
    void defaultsToTheFileSystemWithDefaultRetention() {
        OriginSettings settings = new OriginSettings(null, Path.of("/srv/origin"), null, null, null, null, false, null);

        assertThat(settings.type()).isEqualTo(OriginSettings.Type.FS);
        assertThat(settings.prefix()).isEmpty();
        assertThat(settings.retention()).isEqualTo(RetentionPolicy.DEFAULT);
    }

    @Test
    void parsesTheType() {
        assertThat(OriginSettings.Type.parse("fs")).isEqualTo(OriginSettings.Type.FS);
        assertThat(OriginSettings.Type.parse(" S3 ")).isEqualTo(OriginSettings.Type.S3);
        assertThatThrownBy(() -> OriginSettings.Type.parse("gcs")).hasMessageContaining("'fs' or 's3'");
    }

    @Test
    void requiresWhatTheTypeNeeds() {
        assertThatThrownBy(() -> new OriginSettings(OriginSettings.Type.FS, null, null, null, null, null, false, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("root");
        assertThatThrownBy(() -> new OriginSettings(OriginSettings.Type.S3, null, null, null, null, null, true, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bucket");
    }

    @Test
    void validatesS3Values() {
        URI local = URI.create("http://127.0.0.1:9000");
        assertThat(OriginSettings.s3("reel-origin", "media/", local, null, true).endpoint())
                .isEqualTo(local);
        assertThatThrownBy(() -> OriginSettings.s3("Reel_Origin", "", null, null, false))
                .hasMessageContaining("bucket name");
        assertThatThrownBy(() -> OriginSettings.s3("ab", "", null, null, false)).hasMessageContaining("bucket name");
        assertThatThrownBy(() -> OriginSettings.s3("reel", "media", null, null, false))
                .hasMessageContaining("end with '/'");
        assertThatThrownBy(() -> OriginSettings.s3("reel", "/media/", null, null, false))
                .hasMessageContaining("prefix");
        assertThatThrownBy(() -> OriginSettings.s3("reel", "../media/", null, null, false))
                .hasMessageContaining("prefix");
        assertThatThrownBy(() -> OriginSettings.s3("reel", "", URI.create("ftp://host"), null, false))
                .hasMessageContaining("endpoint");
        assertThatThrownBy(() -> OriginSettings.s3("reel", "", URI.create("http://host/bucket"), null, false))
                .hasMessageContaining("endpoint");
        assertThatThrownBy(() -> OriginSettings.s3("reel", "", URI.create("http://user:pw@host"), null, false))
                .hasMessageContaining("endpoint");
        assertThatThrownBy(() -> OriginSettings.s3("reel", "", null, "EU West", false))
                .hasMessageContaining("region");
        assertThat(OriginSettings.s3("reel", "", null, "eu-west-1", false).region())
                .isEqualTo("eu-west-1");
    }

    @Test
    void validatesRetention() {
        assertThatThrownBy(() -> new RetentionPolicy(-1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionPolicy(17, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionPolicy(1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RetentionPolicy.DEFAULT.keepPrevious()).isEqualTo(1);
    }

    @Test
    void createsAFileSystemStore(@TempDir Path root) throws IOException {
        RetentionPolicy keepTwo = new RetentionPolicy(2, Duration.ofHours(1));
        try (OriginStore store =
                OriginStores.create(OriginSettings.fileSystem(root).withRetention(keepTwo))) {
            assertThat(store).isInstanceOf(FileSystemOriginStore.class);
            assertThat(((FileSystemOriginStore) store).root()).isEqualTo(root.toAbsolutePath());
            assertThat(store.retention()).isEqualTo(keepTwo);
            assertThat(store.titles()).isEmpty();
        }
    }
}
