package dev.reel.launcher.demo;

import java.util.Arrays;
import java.util.List;

/**
 * The synthetic masters of the demo catalog, of clearly different complexity, so that the per-title ladder visibly
 * differs between them. Each is {@value #WIDTH}x{@value #HEIGHT} at {@value #FRAME_RATE} fps for {@value #SECONDS}
 * seconds, drawn by one of ffmpeg's lavfi sources.
 */
public enum DemoClip {
    /** Flat colour areas with a few moving shapes: very cheap to encode. */
    FLAT_CARTOON(
            "flat-cartoon",
            "Flat Cartoon",
            "A flat-shaded scene: a sky, a meadow, a sun and a few shapes sliding across. Large areas of solid colour"
                    + " make it cheap to encode, so its per-title ladder tops out at a low bitrate. Synthetic demo"
                    + " clip, with English and French audio and English subtitles.",
            "color=c=0x87ceeb:s=640x360:r=24:d=8"
                    + ",drawbox=x=0:y=ih*2/3:w=iw:h=ih/3:color=0x3cb043:t=fill"
                    + ",drawbox=x=iw*0.78:y=ih*0.08:w=56:h=56:color=0xffd700:t=fill"
                    + ",drawbox=x='mod(40+60*t,iw)':y=190:w=80:h=80:color=0xe63946:t=fill"
                    + ",drawbox=x='500-30*t':y='90+40*sin(2*t)':w=50:h=120:color=0x1d3557:t=fill"
                    + ",drawbox=x='mod(20*t,iw)':y=40:w=120:h=30:color=0xffffff:t=fill",
            true),
    /** ffmpeg's moving test pattern: colour bars, gradients and moving markers. */
    TEST_PATTERN(
            "test-pattern",
            "Test Pattern",
            "Colour bars, a gradient sweep and moving markers: the classic moving test pattern, with sharp edges and"
                    + " steady motion. Synthetic demo clip.",
            "testsrc2=s=640x360:r=24:d=8",
            false),
    /** A zoom into the Mandelbrot set: smooth fields with ever finer edges. */
    FRACTAL_ZOOM(
            "fractal-zoom",
            "Fractal Zoom",
            "A dive into the Mandelbrot set: smooth colour fields around edges that keep getting finer as the camera"
                    + " zooms in. Detail everywhere makes it costly to encode. Synthetic demo clip.",
            "mandelbrot=s=640x360:r=24:maxiter=256:start_scale=3:end_scale=0.3:end_pts=192,trim=duration=8",
            false),
    /** The test pattern under heavy temporal noise: fresh random detail in every frame, the hardest to encode. */
    FILM_GRAIN(
            "film-grain",
            "Film Grain",
            "The moving test pattern under heavy film grain: every frame carries fresh random detail, which no encoder"
                    + " can predict, so quality climbs slowly with bitrate. Synthetic demo clip.",
            "testsrc2=s=640x360:r=24:d=8,noise=alls=40:allf=t",
            false);

    /** Picture width. */
    public static final int WIDTH = 640;

    /** Picture height. */
    public static final int HEIGHT = 360;

    /** Frames per second. */
    public static final int FRAME_RATE = 24;

    /** Length in seconds. */
    public static final int SECONDS = 8;

    private final String key;
    private final String title;
    private final String synopsis;
    private final String videoGraph;
    private final boolean extraTracks;

    DemoClip(String key, String title, String synopsis, String videoGraph, boolean extraTracks) {
        this.key = key;
        this.title = title;
        this.synopsis = synopsis;
        this.videoGraph = videoGraph;
        this.extraTracks = extraTracks;
    }

    /** Stable identifier, used for the master's file name and in {@code seed.json}. */
    public String key() {
        return key;
    }

    /** The catalog title's name. */
    public String title() {
        return title;
    }

    /** The catalog title's synopsis. */
    public String synopsis() {
        return synopsis;
    }

    /** The lavfi graph that draws the video. */
    public String videoGraph() {
        return videoGraph;
    }

    /**
     * Whether the master also carries a French audio track and an English subtitle track (mov_text), besides the
     * English audio every master has.
     */
    public boolean extraTracks() {
        return extraTracks;
    }

    /** The master's file name. */
    public String fileName() {
        return key + ".mp4";
    }

    /** All clip keys, in order. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(DemoClip::key).toList();
    }
}
