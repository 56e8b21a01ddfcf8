/**
 * The encoder service: studio uploads ({@code upload}), encoding jobs and their workers ({@code job}), packaging
 * ({@code pack}), on the media library packages ({@code ffmpeg}, {@code probe}, {@code ladder}, {@code chunk},
 * {@code farm}, {@code corpus}).
 */
@NullMarked
package dev.reel.encoder;

import org.jspecify.annotations.NullMarked;
