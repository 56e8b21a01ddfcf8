package dev.reel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the feature boundaries of the catalog honest by reading the sources' imports: a feature's {@code internal}
 * package is used by that feature only, and features depend on each other only in the allowed direction
 * ({@code title} uses {@code genre} and {@code profile}; those two use no other feature).
 */
class ModularityTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/reel/catalog");
    private static final Pattern PACKAGE =
            Pattern.compile("^package dev\\.reel\\.catalog(?:\\.(\\w+))?", Pattern.MULTILINE);
    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?dev\\.reel\\.catalog\\.(\\w+)\\.(internal\\.)?", Pattern.MULTILINE);
    private static final Map<String, Set<String>> ALLOWED =
            Map.of("title", Set.of("genre", "profile"), "genre", Set.of(), "profile", Set.of());

    @Test
    void featuresUseEachOthersPublicApiOnlyAndWithoutCycles() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(source);
                assertThat(pkg.find()).as("package of %s", file).isTrue();
                String feature = pkg.group(1);
                Matcher imports = IMPORT.matcher(source);
                while (imports.find()) {
                    String target = imports.group(1);
                    boolean internal = imports.group(2) != null;
                    if (target.equals(feature)) {
                        continue;
                    }
                    if (internal) {
                        violations.add(file + " uses " + target + ".internal");
                    }
                    if (feature != null
                            && !ALLOWED.getOrDefault(feature, Set.of()).contains(target)) {
                        violations.add(file + " (" + feature + ") depends on feature " + target);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyPackageIsNullMarked() throws IOException {
        try (Stream<Path> dirs = Files.walk(SOURCES)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Path info = dir.resolve("package-info.java");
                assertThat(info).as("package-info of %s", dir).exists();
                assertThat(Files.readString(info)).contains("@NullMarked");
            }
        }
    }
}
