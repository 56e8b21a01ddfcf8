package dev.reel.origin;

import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Creates the origin store that {@link OriginSettings} describe. */
public final class OriginStores {

    private OriginStores() {}

    /**
     * Creates a store. For {@code s3} it builds an {@link S3Client} that the store owns and closes
     * with itself; credentials come from the AWS SDK's default chain (environment variables
     * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, system properties, profile files,
     * container or instance roles). Nothing is contacted until the store is used.
     *
     * @throws IllegalArgumentException if no region can be determined for AWS
     */
    public static OriginStore create(OriginSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return switch (settings.type()) {
            case FS ->
                FileSystemOriginStore.builder()
                        .root(Objects.requireNonNull(settings.root(), "root"))
                        .retention(settings.retention())
                        .build();
            case S3 ->
                S3OriginStore.builder()
                        .ownedClient(s3Client(settings))
                        .bucket(Objects.requireNonNull(settings.bucket(), "bucket"))
                        .prefix(settings.prefix())
                        .retention(settings.retention())
                        .build();
        };
    }

    private static S3Client s3Client(OriginSettings settings) {
        S3ClientBuilder builder = S3Client.builder().forcePathStyle(settings.pathStyle());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        String region = settings.region();
        if (region == null && settings.endpoint() != null) {
            region = "us-east-1";
        }
        if (region != null) {
            builder.region(Region.of(region));
        }
        try {
            return builder.build();
        } catch (SdkClientException e) {
            throw new IllegalArgumentException(
                    "Cannot create the S3 client for the origin (set a region?): " + e.getMessage(), e);
        }
    }
}
