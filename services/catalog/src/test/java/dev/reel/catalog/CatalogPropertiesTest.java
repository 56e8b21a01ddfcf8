package dev.reel.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.events.Maturity;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.convert.support.DefaultConversionService;

class CatalogPropertiesTest {

    @Test
    void maturitySettingsAcceptLabelsAndNames() {
        var converter = new CatalogConfiguration.MaturitySettingConverter();
        assertThat(converter.convert("7+")).isEqualTo(Maturity.SEVEN_PLUS);
        assertThat(converter.convert(" eighteen_plus ")).isEqualTo(Maturity.EIGHTEEN_PLUS);
        assertThatThrownBy(() -> converter.convert("21+")).hasMessageContaining("ALL, 7+, 13+, 16+, 18+");
    }

    @Test
    void defaultsAreKidsSafeOnOutageAndAdultWithoutProfile() {
        var conversion = new DefaultConversionService();
        conversion.addConverter(String.class, Maturity.class, new CatalogConfiguration.MaturitySettingConverter());
        var binder = new Binder(
                java.util.List.of(new MapConfigurationPropertySource(Map.of("reel.catalog.titles.years-ahead", "3"))),
                null,
                conversion);

        CatalogProperties properties = binder.bindOrCreate("reel.catalog", CatalogProperties.class);

        assertThat(properties.defaultMaturityCeiling()).isEqualTo(Maturity.EIGHTEEN_PLUS);
        assertThat(properties.profiles().unavailableCeiling()).isEqualTo(Maturity.SEVEN_PLUS);
        assertThat(properties.profiles().cacheTtl()).hasSeconds(60);
        assertThat(properties.titles().yearsAhead()).isEqualTo(3);
        assertThat(properties.titles().earliestYear()).isEqualTo(1888);
        assertThat(properties.events().retryBackoff()).hasMillis(500);
        assertThat(properties.events().maxRetryBackoff()).hasSeconds(30);
    }
}
