package dev.reel.personalization.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.personalization.PersonalizationProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AllocationTest {

    private static final PersonalizationProperties.Experiment HALVES =
            new PersonalizationProperties.Experiment(new LinkedHashMap<>(Map.of("model", 50, "popularity", 50)));

    @Test
    void allocationIsDeterministic() {
        UUID account = UUID.fromString("3f0c9b8e-6a43-4d2b-9a7e-1b2c3d4e5f60");
        String cell = Allocation.cell(account, "row-ordering", HALVES);
        for (int i = 0; i < 10; i++) {
            assertThat(Allocation.cell(account, "row-ordering", HALVES)).isEqualTo(cell);
        }
        assertThat(Allocation.bucket(account, "row-ordering")).isBetween(0, 99);
    }

    @Test
    void cellsGetTheirShare() {
        int model = 0;
        for (int i = 0; i < 10_000; i++) {
            if ("model".equals(Allocation.cell(UUID.randomUUID(), "row-ordering", HALVES))) {
                model++;
            }
        }
        assertThat(model).isBetween(4_700, 5_300);
    }

    @Test
    void aFullCellTakesEveryone() {
        var all = new PersonalizationProperties.Experiment(Map.of("model", 100));
        for (int i = 0; i < 100; i++) {
            assertThat(Allocation.cell(UUID.randomUUID(), "row-ordering", all)).isEqualTo("model");
        }
    }
}
