/**
 * The origin object store: where the encoder publishes a title's packaged media and where the
 * edge appliances and playback read it. {@link dev.reel.origin.OriginStore} is the only API;
 * {@link dev.reel.origin.FileSystemOriginStore} is the embedded default and
 * {@link dev.reel.origin.S3OriginStore} the scale-out backend.
 */
@NullMarked
package dev.reel.origin;

import org.jspecify.annotations.NullMarked;
