package dev.reel.recs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AlsModelTest {

    /** Three users, four items, two factors, vectors chosen by hand. */
    private static final AlsModel MODEL = new AlsModel(
            2, 3, 4, new float[] {1, 0, 0, 1, 1, 1}, new float[] {1, 0, 0.9f, 0.1f, 0, 2, -1, 0}, 0.1f, 10f);

    @Test
    void scoresAreDotProducts() {
        assertThat(MODEL.score(new float[] {1, 1}, 1)).isEqualTo(1f);
        assertThat(MODEL.scores(new float[] {2, 1})).containsExactly(2f, 1.9f, 2f, -2f);
    }

    @Test
    void recommendRanksBestFirstBreaksTiesByIndexAndHonoursExclusions() {
        assertThat(MODEL.recommend(new float[] {2, 1}, 10, item -> false)).containsExactly(0, 2, 1, 3);
        assertThat(MODEL.recommend(new float[] {2, 1}, 2, item -> false)).containsExactly(0, 2);
        assertThat(MODEL.recommend(new float[] {2, 1}, 2, item -> item == 0)).containsExactly(2, 1);
        assertThat(MODEL.recommend(new float[] {2, 1}, 0, item -> false)).isEmpty();
        assertThatThrownBy(() -> MODEL.recommend(new float[] {1}, 2, item -> false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MODEL.recommend(new float[] {1, 1}, -1, item -> false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void similarItemsUseTheCosineAndNeverReturnTheItemItself() {
        assertThat(MODEL.similarItems(0, 3, item -> false)).containsExactly(1, 2, 3);
        assertThat(MODEL.similarItems(0, 3, item -> item == 1)).containsExactly(2, 3);
        assertThatThrownBy(() -> MODEL.similarItems(4, 3, item -> false)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void vectorsAreCopies() {
        float[] vector = MODEL.userVector(2);
        vector[0] = 99;

        assertThat(MODEL.userVector(2)).containsExactly(1f, 1f);
        assertThat(MODEL.itemVector(3)).containsExactly(-1f, 0f);
        assertThatThrownBy(() -> MODEL.userVector(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void foldInOfNothingIsZeroAndArgumentsAreChecked() {
        assertThat(MODEL.foldIn(new int[0], new float[0])).containsExactly(0f, 0f);
        assertThatThrownBy(() -> MODEL.foldIn(new int[] {1}, new float[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MODEL.foldIn(new int[] {9}, new float[] {1}))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> MODEL.foldIn(new int[] {1}, new float[] {-1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void foldInOfARepeatedItemEqualsTheSummedStrength() {
        float[] repeated = MODEL.foldIn(new int[] {2, 0, 2}, new float[] {0.25f, 1f, 0.5f});
        float[] summed = MODEL.foldIn(new int[] {0, 2}, new float[] {1f, 0.75f});

        for (int k = 0; k < summed.length; k++) {
            assertThat(repeated[k]).isCloseTo(summed[k], org.assertj.core.data.Offset.offset(1e-5f));
        }
        assertThat(MODEL.score(summed, 2)).isGreaterThan(MODEL.score(summed, 3));
    }

    @Test
    void bytesRoundTripExactly() {
        AlsModel copy = AlsModel.fromBytes(MODEL.toBytes());

        assertThat(copy.factors()).isEqualTo(2);
        assertThat(copy.users()).isEqualTo(3);
        assertThat(copy.items()).isEqualTo(4);
        assertThat(copy.regularization()).isEqualTo(0.1f);
        assertThat(copy.alpha()).isEqualTo(10f);
        for (int user = 0; user < 3; user++) {
            assertThat(copy.userVector(user)).containsExactly(MODEL.userVector(user));
        }
        for (int item = 0; item < 4; item++) {
            assertThat(copy.itemVector(item)).containsExactly(MODEL.itemVector(item));
        }
        assertThat(copy.toBytes()).isEqualTo(MODEL.toBytes());
    }

    @Test
    void damagedTruncatedForeignOrNewerBytesAreRejected() {
        byte[] bytes = MODEL.toBytes();

        byte[] flipped = bytes.clone();
        flipped[40] ^= 1;
        assertThatThrownBy(() -> AlsModel.fromBytes(flipped))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> AlsModel.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlsModel.fromBytes(Arrays.copyOf(bytes, 6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated");
        byte[] foreign = bytes.clone();
        foreign[0] = 'X';
        assertThatThrownBy(() -> AlsModel.fromBytes(foreign))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("magic");
        byte[] newer = bytes.clone();
        newer[7] = 2;
        assertThatThrownBy(() -> AlsModel.fromBytes(newer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 2");
    }
}
