package dev.reel.encoder.upload.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.kit.web.PayloadTooLargeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadFilesTest {

    @TempDir
    Path work;

    private final UUID id = UUID.randomUUID();

    @Test
    void appendsAtTheOffsetAndCutsOffUnrecordedBytes() throws Exception {
        UploadFiles files = new UploadFiles(work);
        assertThat(files.append(id, 0, 100, 4, in("abcd")))
                .isEqualTo(new UploadFiles.Appended(4, UploadFiles.Ending.COMPLETE));
        // A crashed attempt wrote "XYZ" after offset 4 but never recorded it.
        Files.writeString(files.part(id), "abcdXYZ");

        assertThat(files.append(id, 4, 100, 2, in("ef")))
                .isEqualTo(new UploadFiles.Appended(2, UploadFiles.Ending.COMPLETE));

        assertThat(Files.readString(files.part(id))).isEqualTo("abcdef");
        assertThat(files.part(id))
                .isEqualTo(work.toAbsolutePath().resolve("uploads").resolve(id + ".part"));
    }

    @Test
    void keepsWhatArrivedWhenTheBodyBreaksOffOrEndsEarly() throws Exception {
        UploadFiles files = new UploadFiles(work);

        var broken = files.append(id, 0, 100, 10, new BreakingStream("hello".getBytes(), new IOException("reset")));
        assertThat(broken).isEqualTo(new UploadFiles.Appended(5, UploadFiles.Ending.EARLY));
        var shortBody = files.append(id, 5, 100, 10, in("abc"));
        assertThat(shortBody).isEqualTo(new UploadFiles.Appended(3, UploadFiles.Ending.EARLY));

        assertThat(Files.readString(files.part(id))).isEqualTo("helloabc");
    }

    @Test
    void keepsNothingOfABodyOverTheLimit() throws Exception {
        UploadFiles files = new UploadFiles(work);
        files.append(id, 0, 100, -1, in("abc"));

        assertThat(files.append(id, 3, 4, -1, in("defgh")))
                .isEqualTo(new UploadFiles.Appended(0, UploadFiles.Ending.OVERFLOW));
        var tooLarge = new BreakingStream("de".getBytes(), new PayloadTooLargeException(5));
        assertThat(files.append(id, 3, 100, -1, tooLarge))
                .isEqualTo(new UploadFiles.Appended(0, UploadFiles.Ending.OVERFLOW));

        assertThat(Files.readString(files.part(id))).isEqualTo("abc");
    }

    @Test
    void refusesAnOffsetPastWhatTheFileHolds() throws Exception {
        UploadFiles files = new UploadFiles(work);
        files.append(id, 0, 100, 2, in("ab"));

        assertThatThrownBy(() -> files.append(id, 5, 100, 1, in("c")))
                .isInstanceOfSatisfying(UploadFiles.PartFileShort.class, e -> assertThat(e.size())
                        .isEqualTo(2));
        assertThat(Files.readString(files.part(id))).isEqualTo("ab");
    }

    @Test
    void movesTheCompletePartIntoItsMasterDirectoryAndDeletesBoth() throws Exception {
        UploadFiles files = new UploadFiles(work);
        files.append(id, 0, 100, 3, in("abc"));
        assertThat(files.existingMaster(id)).isEmpty();

        Path master = files.moveToMaster(id, "mp4");

        assertThat(master)
                .isEqualTo(work.toAbsolutePath()
                        .resolve("masters")
                        .resolve(id.toString())
                        .resolve("master.mp4"));
        assertThat(files.part(id)).doesNotExist();
        assertThat(Files.readString(master)).isEqualTo("abc");
        assertThat(files.existingMaster(id)).contains(master);

        files.deleteAll(id);
        assertThat(files.masterDir(id)).doesNotExist();
        files.deleteAll(id);
    }

    @Test
    void listsOnlyWellNamedPartFilesAndMasterDirectories() throws Exception {
        UploadFiles files = new UploadFiles(work);
        files.append(id, 0, 100, 1, in("a"));
        UUID other = UUID.randomUUID();
        files.append(other, 0, 100, 1, in("b"));
        files.moveToMaster(other, "mov");
        Files.writeString(work.resolve("uploads").resolve("notes.part"), "x");
        Files.createDirectories(work.resolve("masters").resolve("not-an-id"));
        Instant later = Instant.now().plusSeconds(60);

        assertThat(files.partFilesOlderThan(later)).containsExactly(id);
        assertThat(files.masterDirsOlderThan(later)).containsExactly(other);
        assertThat(files.partFilesOlderThan(Instant.now().minusSeconds(60))).isEmpty();
    }

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes());
    }

    /** Gives its bytes, then fails the way a dropped connection or an oversized body does. */
    private static final class BreakingStream extends InputStream {
        private final byte[] bytes;
        private final IOException failure;
        private int position;

        BreakingStream(byte[] bytes, IOException failure) {
            this.bytes = bytes;
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= bytes.length) {
                throw failure;
            }
            int n = Math.min(length, bytes.length - position);
            System.arraycopy(bytes, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
