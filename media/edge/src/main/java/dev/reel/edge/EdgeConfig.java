package dev.reel.edge;

import dev.reel.edge.steering.Tier;
import dev.reel.origin.OriginSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The settings of an edge process ({@link EdgeMain}), read from system properties. Every setting
 * is validated here, and a bad one is a {@link BadSetting} naming the property.
 *
 * @param port {@code server.port}, required
 * @param dataDir {@code reel.data-dir}, default {@code .reel}, made absolute
 * @param launcherPid {@code reel.launcher.pid}: the edge exits when that process ends; null if unset
 * @param mode {@code reel.edge.mode}: {@code appliance} (default) or {@code origin}
 * @param id {@code reel.edge.id}: required for an appliance ({@code [a-z0-9][a-z0-9-]{0,31}});
 *     {@code origin} by default in origin mode
 * @param cidrs {@code reel.edge.cidrs}: comma-separated client networks, such as {@code
 *     127.0.0.0/24,::1/128}; default none
 * @param region {@code reel.edge.region}, default {@code local}
 * @param tier {@code reel.edge.tier}: {@code FLASH} or {@code STORAGE} (default)
 * @param capacityBytes {@code reel.edge.capacity}: bytes with an optional {@code KB}, {@code MB},
 *     {@code GB} or {@code TB} suffix (powers of 1024), default {@code 2GB}
 * @param cacheRoot {@code reel.edge.cache-root}, default {@code <data>/edge/<id>}
 * @param origin {@code reel.edge.origin.type} ({@code fs} default, or {@code s3}), {@code
 *     .root} (default {@code <data>/origin}), {@code .bucket}, {@code .prefix}, {@code .endpoint},
 *     {@code .region}, {@code .path-style}
 * @param tokenKeys {@code reel.edge.token-keys}, default {@code <data>/secrets/edge-token.keys}
 * @param steeringUrl {@code reel.edge.steering-url}, default {@code http://localhost:8500}
 * @param publicUrl {@code reel.edge.public-url}, default {@code http://localhost:<port>}
 * @param reportInterval {@code reel.edge.report-interval}: {@code 2s}, {@code 500ms}, {@code 1m} or
 *     ISO-8601 ({@code PT2S}); default 2 s
 * @param ioThreads {@code reel.edge.io-threads}: event-loop threads, default 0 (twice the cores)
 * @param fillThreads {@code reel.edge.fill-threads}: origin fetches at once, default 8
 */
record EdgeConfig(
        int port,
        Path dataDir,
        @Nullable Long launcherPid,
        EdgeSettings.Mode mode,
        String id,
        List<String> cidrs,
        String region,
        Tier tier,
        long capacityBytes,
        Path cacheRoot,
        OriginSettings origin,
        Path tokenKeys,
        URI steeringUrl,
        String publicUrl,
        Duration reportInterval,
        int ioThreads,
        int fillThreads) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([KMGT]i?B?|B)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    /** A setting that is missing or invalid; the message names the property. */
    static final class BadSetting extends Exception {
        BadSetting(String property, String problem) {
            super(property + ": " + problem);
        }
    }

    /**
     * Reads and validates every setting.
     *
     * @throws BadSetting for the first setting that is missing or invalid
     */
    static EdgeConfig from(Properties properties) throws BadSetting {
        int port = intValue(properties, "server.port", null, 1, 65535);
        Path dataDir = path(properties, "reel.data-dir", Path.of(".reel"));
        Long launcherPid = null;
        String pid = value(properties, "reel.launcher.pid");
        if (pid != null) {
            try {
                launcherPid = Long.parseLong(pid);
            } catch (NumberFormatException e) {
                throw new BadSetting("reel.launcher.pid", "expected a process id, got '" + pid + "'");
            }
        }
        EdgeSettings.Mode mode =
                switch (valueOr(properties, "reel.edge.mode", "appliance").toLowerCase(Locale.ROOT)) {
                    case "appliance" -> EdgeSettings.Mode.APPLIANCE;
                    case "origin" -> EdgeSettings.Mode.ORIGIN;
                    default ->
                        throw new BadSetting(
                                "reel.edge.mode",
                                "expected appliance or origin, got '" + value(properties, "reel.edge.mode") + "'");
                };
        String id = value(properties, "reel.edge.id");
        if (id == null) {
            if (mode == EdgeSettings.Mode.APPLIANCE) {
                throw new BadSetting("reel.edge.id", "required for an appliance (for example isp-a)");
            }
            id = "origin";
        }
        if (!ID.matcher(id).matches()) {
            throw new BadSetting("reel.edge.id", "expected [a-z0-9][a-z0-9-]{0,31}, got '" + id + "'");
        }
        List<String> cidrs = cidrs(valueOr(properties, "reel.edge.cidrs", ""));
        String region = valueOr(properties, "reel.edge.region", "local");
        Tier tier;
        try {
            tier = Tier.parse(valueOr(properties, "reel.edge.tier", "STORAGE"));
        } catch (IllegalArgumentException e) {
            throw new BadSetting("reel.edge.tier", e.getMessage());
        }
        long capacity = bytes("reel.edge.capacity", valueOr(properties, "reel.edge.capacity", "2GB"));
        Path cacheRoot =
                path(properties, "reel.edge.cache-root", dataDir.resolve("edge").resolve(id));
        OriginSettings origin = origin(properties, dataDir);
        Path tokenKeys = path(
                properties, "reel.edge.token-keys", dataDir.resolve("secrets").resolve("edge-token.keys"));
        URI steeringUrl = httpUrl(
                "reel.edge.steering-url", valueOr(properties, "reel.edge.steering-url", "http://localhost:8500"));
        String publicUrl = httpUrl(
                        "reel.edge.public-url", valueOr(properties, "reel.edge.public-url", "http://localhost:" + port))
                .toString();
        if (publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
        Duration reportInterval =
                duration("reel.edge.report-interval", valueOr(properties, "reel.edge.report-interval", "2s"));
        int ioThreads = intValue(properties, "reel.edge.io-threads", 0, 0, 1024);
        int fillThreads = intValue(properties, "reel.edge.fill-threads", OriginFill.DEFAULT_THREADS, 1, 1024);
        return new EdgeConfig(
                port,
                dataDir,
                launcherPid,
                mode,
                id,
                cidrs,
                region,
                tier,
                capacity,
                cacheRoot,
                origin,
                tokenKeys,
                steeringUrl,
                publicUrl,
                reportInterval,
                ioThreads,
                fillThreads);
    }

    private static OriginSettings origin(Properties properties, Path dataDir) throws BadSetting {
        String prefix = "reel.edge.origin.";
        OriginSettings.Type type;
        try {
            type = OriginSettings.Type.parse(valueOr(properties, prefix + "type", "fs"));
        } catch (IllegalArgumentException e) {
            throw new BadSetting(prefix + "type", e.getMessage());
        }
        Path root = path(properties, prefix + "root", dataDir.resolve("origin"));
        String endpoint = value(properties, prefix + "endpoint");
        URI endpointUri = null;
        if (endpoint != null) {
            endpointUri = httpUrl(prefix + "endpoint", endpoint);
        }
        String pathStyle = valueOr(properties, prefix + "path-style", "false");
        if (!pathStyle.equals("true") && !pathStyle.equals("false")) {
            throw new BadSetting(prefix + "path-style", "expected true or false, got '" + pathStyle + "'");
        }
        try {
            return new OriginSettings(
                    type,
                    type == OriginSettings.Type.FS ? root : null,
                    value(properties, prefix + "bucket"),
                    value(properties, prefix + "prefix"),
                    endpointUri,
                    value(properties, prefix + "region"),
                    Boolean.parseBoolean(pathStyle),
                    null);
        } catch (IllegalArgumentException e) {
            throw new BadSetting(prefix + "*", e.getMessage());
        }
    }

    private static @Nullable String value(Properties properties, String name) {
        String value = properties.getProperty(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String valueOr(Properties properties, String name, String fallback) {
        String value = value(properties, name);
        return value == null ? fallback : value;
    }

    private static int intValue(Properties properties, String name, @Nullable Integer fallback, int min, int max)
            throws BadSetting {
        String value = value(properties, name);
        if (value == null) {
            if (fallback == null) {
                throw new BadSetting(name, "required");
            }
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new BadSetting(name, "expected a whole number from " + min + " to " + max + ", got '" + value + "'");
        }
    }

    private static Path path(Properties properties, String name, Path fallback) throws BadSetting {
        String value = value(properties, name);
        try {
            return (value == null ? fallback : Path.of(value)).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            throw new BadSetting(name, "not a valid path: '" + value + "'");
        }
    }

    private static URI httpUrl(String name, String value) throws BadSetting {
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new BadSetting(name, "expected an http(s) URL, got '" + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new BadSetting(name, "expected an http(s) URL, got '" + value + "'");
        }
    }

    /** Parses {@code 123}, {@code 512MB}, {@code 2GB}, {@code 10GiB}, {@code 4k}; powers of 1024. */
    static long bytes(String name, String value) throws BadSetting {
        Matcher m = SIZE.matcher(value.strip());
        if (!m.matches()) {
            throw new BadSetting(name, "expected bytes with an optional KB, MB, GB or TB suffix, got '" + value + "'");
        }
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        int shift =
                switch (unit.charAt(0)) {
                    case 'K' -> 10;
                    case 'M' -> 20;
                    case 'G' -> 30;
                    case 'T' -> 40;
                    default -> 0;
                };
        try {
            long number = Long.parseLong(m.group(1));
            if (number <= 0 || number > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return number << shift;
        } catch (NumberFormatException e) {
            throw new BadSetting(name, "expected a positive size that fits in 63 bits, got '" + value + "'");
        }
    }

    /** Parses {@code 2s}, {@code 500ms}, {@code 1m}, {@code 1h} or ISO-8601 ({@code PT2S}); positive. */
    static Duration duration(String name, String value) throws BadSetting {
        Duration parsed;
        Matcher m = SHORT_DURATION.matcher(value.strip());
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                parsed = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            } else {
                parsed = Duration.parse(value.strip());
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new BadSetting(name, "expected a duration such as 2s, 500ms or PT2S, got '" + value + "'");
        }
        if (parsed.isNegative() || parsed.isZero()) {
            throw new BadSetting(name, "must be positive, got '" + value + "'");
        }
        return parsed;
    }

    /** Splits and checks {@code addr/prefix} entries. */
    static List<String> cidrs(String value) throws BadSetting {
        List<String> cidrs = new ArrayList<>();
        for (String part : value.split(",")) {
            String cidr = part.strip();
            if (cidr.isEmpty()) {
                continue;
            }
            int slash = cidr.indexOf('/');
            try {
                if (slash <= 0) {
                    throw new IllegalArgumentException();
                }
                InetAddress address = InetAddress.ofLiteral(cidr.substring(0, slash));
                int bits = Integer.parseInt(cidr.substring(slash + 1));
                if (bits < 0 || bits > address.getAddress().length * 8) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw new BadSetting(
                        "reel.edge.cidrs", "expected comma-separated address/prefix entries, got '" + cidr + "'");
            }
            cidrs.add(cidr);
        }
        return List.copyOf(cidrs);
    }
}
