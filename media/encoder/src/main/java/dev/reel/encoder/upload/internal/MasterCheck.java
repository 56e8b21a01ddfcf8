package dev.reel.encoder.upload.internal;

import dev.reel.encoder.ffmpeg.FfmpegException;
import dev.reel.encoder.ffmpeg.FfmpegNotFoundException;
import dev.reel.encoder.ffmpeg.FfmpegRunner;
import dev.reel.encoder.probe.MediaInfo;
import dev.reel.encoder.probe.MediaProbeException;
import dev.reel.encoder.probe.MediaProber;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decides whether a complete file is a usable video master: ffprobe must read it as a moving picture (not audio only,
 * not a still image, an animated GIF or text), and a full decode must succeed (which catches files truncated or
 * corrupted after a valid header). Thread-safe.
 */
final class MasterCheck {

    private final Supplier<MediaProber> prober;

    /** @param prober supplies the prober on first use, so a missing ffmpeg fails a check, not the service's start */
    MasterCheck(Supplier<MediaProber> prober) {
        this.prober = prober;
    }

    /** Thrown when the check itself could not run (ffmpeg missing, timed out, interrupted): no verdict on the file. */
    static final class CheckUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CheckUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Why {@code file} is not a usable video master, or empty when it is. The reason never shows the server's paths:
     * where ffmpeg names the file, it reads {@code displayName}.
     *
     * @param displayName the name the client knows the file by
     * @throws CheckUnavailable when ffprobe or ffmpeg could not run
     */
    Optional<String> problem(Path file, String displayName) {
        try {
            MediaProber media = prober.get();
            MediaInfo info = media.probe(file);
            info.requireVideo();
            if (info.videoFrameCount() < 2) {
                return Optional.of("the video has a single frame (a still image)");
            }
            media.checkDecodes(file);
            return Optional.empty();
        } catch (MediaProbeException e) {
            return Optional.of(decapitalise(hidePath(e.getMessage(), file, displayName)));
        } catch (FfmpegException | FfmpegNotFoundException e) {
            throw new CheckUnavailable("The master could not be checked: " + e.getMessage(), e);
        }
    }

    private static String hidePath(String message, Path file, String displayName) {
        String absolute = file.toAbsolutePath().normalize().toString();
        return message.replace(FfmpegRunner.fileArgument(file), displayName)
                .replace(absolute, displayName)
                .replace(file.getFileName().toString(), displayName);
    }

    private static String decapitalise(String message) {
        if (message.length() > 1
                && Character.isUpperCase(message.charAt(0))
                && Character.isLowerCase(message.charAt(1))) {
            return Character.toLowerCase(message.charAt(0)) + message.substring(1);
        }
        return message;
    }
}
