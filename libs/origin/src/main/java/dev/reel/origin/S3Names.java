package dev.reel.origin;

import java.util.Objects;

/** Checks for S3 bucket names and key prefixes, shared by {@link S3OriginStore} and {@link OriginSettings}. */
final class S3Names {

    private S3Names() {}

    /**
     * A bucket name as S3 accepts it for path-style and virtual-hosted access: 3 to 63 lower-case
     * letters, digits, '-' and '.', starting and ending with a letter or digit.
     */
    static String requireBucket(String bucket) {
        Objects.requireNonNull(bucket, "bucket");
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]") || bucket.contains("..")) {
            throw new IllegalArgumentException("Invalid S3 bucket name (3-63 of a-z, 0-9, '-', '.'): '" + bucket + "'");
        }
        return bucket;
    }

    /** A key prefix: empty, or a valid relative path followed by '/', such as {@code "origin/"}. */
    static String requirePrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isEmpty()) {
            return prefix;
        }
        if (!prefix.endsWith("/")) {
            throw new IllegalArgumentException("S3 key prefix must be empty or end with '/': '" + prefix + "'");
        }
        try {
            OriginPaths.requireRelativePath(prefix.substring(0, prefix.length() - 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid S3 key prefix: " + e.getMessage(), e);
        }
        return prefix;
    }
}
