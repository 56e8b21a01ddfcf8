package dev.reel.search;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@link SearchProperties} for unit tests, bound the way Spring binds them. */
public final class TestSettings {

    private TestSettings() {}

    /** The defaults, overridden by {@code values} ({@code reel.search.*} keys). */
    public static SearchProperties with(Map<String, String> values) {
        return new Binder(List.of(new MapConfigurationPropertySource(values)))
                .bindOrCreate("reel.search", SearchProperties.class);
    }

    public static SearchProperties defaults() {
        return with(Map.of());
    }
}
