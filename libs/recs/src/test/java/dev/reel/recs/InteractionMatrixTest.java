package dev.reel.recs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InteractionMatrixTest {

    @Test
    void sumsRepeatedPairsAndIndexesBothWays() {
        InteractionMatrix matrix = InteractionMatrix.builder(3, 4)
                .add(2, 3, 1f)
                .add(0, 1, 0.5f)
                .add(2, 0, 0.25f)
                .add(0, 1, 0.25f)
                .add(1, 3, 2f)
                .build();

        assertThat(matrix.users()).isEqualTo(3);
        assertThat(matrix.items()).isEqualTo(4);
        assertThat(matrix.nonZeros()).isEqualTo(4);
        assertThat(matrix.itemsOf(0)).containsExactly(1);
        assertThat(matrix.strengthsOf(0)).containsExactly(0.75f);
        assertThat(matrix.itemsOf(2)).containsExactly(0, 3);
        assertThat(matrix.strengthsOf(2)).containsExactly(0.25f, 1f);
        assertThat(matrix.itemCount(3)).isEqualTo(2);
        assertThat(matrix.itemCount(2)).isZero();
        assertThat(matrix.itemUsers()).containsExactly(2, 0, 1, 2);
        assertThat(matrix.itemValues()).containsExactly(0.25f, 0.75f, 2f, 1f);
        assertThat(matrix.contains(1, 3)).isTrue();
        assertThat(matrix.contains(1, 2)).isFalse();
    }

    @Test
    void rejectsOutOfRangeIndicesAndBadStrengths() {
        InteractionMatrix.Builder builder = InteractionMatrix.builder(2, 2);

        assertThatThrownBy(() -> builder.add(2, 0, 1f)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> builder.add(0, -1, 1f)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> builder.add(0, 0, -1f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.add(0, 0, Float.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InteractionMatrix.builder(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void growsPastTheInitialCapacity() {
        InteractionMatrix.Builder builder = InteractionMatrix.builder(100, 50);
        for (int user = 0; user < 100; user++) {
            for (int item = 0; item < 50; item++) {
                builder.add(user, item, 1f);
            }
        }

        InteractionMatrix matrix = builder.build();

        assertThat(matrix.nonZeros()).isEqualTo(5_000);
        assertThat(matrix.userCount(99)).isEqualTo(50);
        assertThat(matrix.itemCount(49)).isEqualTo(100);
    }
}
