package dev.reel.encoder.pack.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.encoder.pack.PackagingException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlignmentTest {

    @Test
    void sameSegmentsAreAligned() {
        PackagedTrack a = Tracks.video("v180p", 2, 2, "c", new long[] {49152, 24576}, new long[] {1, 1});
        PackagedTrack b = Tracks.video("v90p", 2, 2, "c", new long[] {49152, 24576}, new long[] {5, 5});

        assertThatCode(() -> Alignment.check(List.of(a, b))).doesNotThrowAnyException();
        assertThatCode(() -> Alignment.check(List.of(a))).doesNotThrowAnyException();
    }

    @Test
    void aDifferentSegmentCountIsNamed() {
        PackagedTrack a = Tracks.video("v180p", 2, 2, "c", new long[] {49152, 24576}, new long[] {1, 1});
        PackagedTrack b = Tracks.video("v90p", 2, 2, "c", new long[] {73728}, new long[] {1});

        assertThatThrownBy(() -> Alignment.check(List.of(a, b)))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("v180p has 2 segments but v90p has 1");
    }

    @Test
    void aDifferentStartTimeIsNamed() {
        PackagedTrack a = Tracks.video("v180p", 2, 2, "c", new long[] {49152, 24576}, new long[] {1, 1});
        PackagedTrack b = Tracks.video("v90p", 2, 2, "c", new long[] {36864, 36864}, new long[] {1, 1});

        assertThatThrownBy(() -> Alignment.check(List.of(a, b)))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("segment 2 starts at 4.000 s in v180p but at 3.000 s in v90p");
    }
}
