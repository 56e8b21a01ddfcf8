package dev.reel.origin;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which origin store a service uses, as configuration: plain values a settings record (for
 * example {@code reel.encoder.origin.*}) can bind, validated here so a bad value fails at start-up
 * with a message naming it. {@link OriginStores#create(OriginSettings)} turns it into a store.
 *
 * <p>Fields that do not apply to the chosen type are still checked when present, but ignored.
 *
 * @param type {@code fs} (the default) or {@code s3}
 * @param root for {@code fs}: the directory holding every title; required
 * @param bucket for {@code s3}: the bucket; required
 * @param prefix for {@code s3}: a key prefix, empty or ending with {@code '/'}; null means empty
 * @param endpoint for {@code s3}: an {@code http(s)://host[:port]} endpoint override for
 *     S3-compatible stores (s3proxy, MinIO); null means AWS
 * @param region for {@code s3}: the signing region; null means {@code us-east-1} with an endpoint
 *     override and the AWS SDK's default region chain without one
 * @param pathStyle for {@code s3}: path-style addressing ({@code http://host/bucket/key}), which
 *     s3proxy and MinIO need
 * @param retention what garbage collection keeps; null means {@link RetentionPolicy#DEFAULT}
 */
public record OriginSettings(
        Type type,
        @Nullable Path root,
        @Nullable String bucket,
        String prefix,
        @Nullable URI endpoint,
        @Nullable String region,
        boolean pathStyle,
        RetentionPolicy retention) {

    /** The backend. */
    public enum Type {
        /** {@link FileSystemOriginStore}. */
        FS,
        /** {@link S3OriginStore}. */
        S3;

        /**
         * Parses {@code fs} or {@code s3}, ignoring case.
         *
         * @throws IllegalArgumentException for anything else
         */
        public static Type parse(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "fs", "filesystem" -> FS;
                case "s3" -> S3;
                default -> throw new IllegalArgumentException("Origin type must be 'fs' or 's3', was '" + value + "'");
            };
        }
    }

    /**
     * Applies defaults and validates.
     *
     * @throws IllegalArgumentException naming the first invalid or missing setting
     */
    public OriginSettings(
            @Nullable Type type,
            @Nullable Path root,
            @Nullable String bucket,
            @Nullable String prefix,
            @Nullable URI endpoint,
            @Nullable String region,
            boolean pathStyle,
            @Nullable RetentionPolicy retention) {
        this.type = type == null ? Type.FS : type;
        this.root = root;
        this.bucket = bucket == null ? null : S3Names.requireBucket(bucket);
        this.prefix = S3Names.requirePrefix(prefix == null ? "" : prefix);
        this.endpoint = endpoint == null ? null : requireEndpoint(endpoint);
        this.region = region == null ? null : requireRegion(region);
        this.pathStyle = pathStyle;
        this.retention = retention == null ? RetentionPolicy.DEFAULT : retention;
        if (this.type == Type.FS && root == null) {
            throw new IllegalArgumentException("Origin type fs needs a root directory");
        }
        if (this.type == Type.S3 && bucket == null) {
            throw new IllegalArgumentException("Origin type s3 needs a bucket");
        }
    }

    /** Where the embedded platform keeps its origin, relative to the working directory: {@code .reel/origin}. */
    public static final Path LOCAL_ROOT = Path.of(".reel/origin");

    /** A filesystem origin under {@link #LOCAL_ROOT} with the default retention: what a service uses unconfigured. */
    public static OriginSettings local() {
        return fileSystem(LOCAL_ROOT);
    }

    /** A filesystem origin under {@code root} with the default retention. */
    public static OriginSettings fileSystem(Path root) {
        return new OriginSettings(Type.FS, Objects.requireNonNull(root, "root"), null, "", null, null, false, null);
    }

    /**
     * An S3 origin with the default retention.
     *
     * @param endpoint null for AWS
     * @param region null for the default (see the record's {@code region})
     */
    public static OriginSettings s3(
            String bucket, String prefix, @Nullable URI endpoint, @Nullable String region, boolean pathStyle) {
        return new OriginSettings(
                Type.S3, null, Objects.requireNonNull(bucket, "bucket"), prefix, endpoint, region, pathStyle, null);
    }

    /** These settings with another retention policy. */
    public OriginSettings withRetention(RetentionPolicy retention) {
        return new OriginSettings(type, root, bucket, prefix, endpoint, region, pathStyle, retention);
    }

    private static URI requireEndpoint(URI endpoint) {
        String scheme = endpoint.getScheme();
        boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
        String path = endpoint.getRawPath();
        if (!http
                || endpoint.getHost() == null
                || (path != null && !path.isEmpty() && !path.equals("/"))
                || endpoint.getRawQuery() != null
                || endpoint.getRawFragment() != null
                || endpoint.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "S3 endpoint must be http(s)://host[:port] without path, query or credentials: " + endpoint);
        }
        return endpoint;
    }

    private static String requireRegion(String region) {
        if (!region.matches("[a-z0-9]+(-[a-z0-9]+)*") || region.length() > 32) {
            throw new IllegalArgumentException("Invalid S3 region: '" + region + "'");
        }
        return region;
    }
}
