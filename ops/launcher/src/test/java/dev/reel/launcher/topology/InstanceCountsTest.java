package dev.reel.launcher.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstanceCountsTest {

    @Test
    void parsesPairsAndDefaultsOthersToOne() {
        InstanceCounts counts = InstanceCounts.parse("catalog=2, identity=1");

        assertThat(counts.of(ServiceTable.find("catalog").orElseThrow())).isEqualTo(2);
        assertThat(counts.of(ServiceTable.find("identity").orElseThrow())).isEqualTo(1);
        assertThat(counts.of(ServiceTable.find("gateway").orElseThrow())).isEqualTo(1);
    }

    @Test
    void zeroLeavesAServiceOut() {
        assertThat(InstanceCounts.parse("gateway=0")
                        .of(ServiceTable.find("gateway").orElseThrow()))
                .isZero();
    }

    @Test
    void unknownServiceListsTheKnownOnes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InstanceCounts.parse("catalogue=2"))
                .withMessage(
                        "unknown service 'catalogue'; known services: registry, config, identity, catalog, encoder, gateway, playback, steering,"
                                + " viewing, search, personalization, origin, isp-a, isp-b");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "catalog=two    | count for catalog must be a number, not 'two'",
                "catalog=-1     | count for catalog must be between 0 and 20, not -1",
                "catalog=21     | count for catalog must be between 0 and 20, not 21",
                "gateway=2      | gateway runs on the fixed port 8080, so its count must be 0 or 1",
                "catalog        | 'catalog' is not service=count (e.g. catalog=2,identity=1)",
                "catalog=       | 'catalog=' is not service=count (e.g. catalog=2,identity=1)",
                "=2             | '=2' is not service=count (e.g. catalog=2,identity=1)",
                "catalog=1,     | '' is not service=count (e.g. catalog=2,identity=1)",
                "catalog=1,catalog=2 | catalog is given more than once",
            })
    void rejectsBadInputWithAClearMessage(String text, String message) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InstanceCounts.parse(text))
                .withMessage(message);
    }

    @Test
    void rejectsBlankInput() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> InstanceCounts.parse(" "))
                .withMessageContaining("catalog=2,identity=1");
    }
}
