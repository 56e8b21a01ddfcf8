package dev.reel.encoder.corpus;

import java.util.Arrays;
import java.util.Locale;

/**
 * The synthetic scenes, roughly from easiest to hardest to encode. Each one builds a lavfi filter graph for a size,
 * frame rate and duration; every graph is deterministic, so the same spec gives the same pictures.
 */
public enum SyntheticClip {
    /**
     * A flat-shaded cartoon: outlined shapes of flat colour (house, tree, sun) with three characters moving over them
     * and a slow camera pan. Drawn at twice the size and scaled down, so edges are anti-aliased and motion is
     * sub-pixel, as in real animation.
     */
    FLAT_CARTOON("flat-cartoon", "flat-shaded cartoon with moving characters and a slow pan", 330) {
        @Override
        String videoGraph(int width, int height, int rate, double seconds) {
            int w2 = width * 2;
            int h2 = height * 2;
            int canvas = even(width * 5 / 2);
            int line = Math.max(2, h2 / 144);
            String r = ":r=" + rate;
            return "color=c=0x87ceeb:s=" + canvas + "x" + h2 + r
                    + ",drawbox=x=0:y=ih*2/3:w=iw:h=ih/3:color=0x3cb043:t=fill"
                    + ",drawbox=x=iw*0.6:y=ih*0.08:w=ih*0.16:h=ih*0.16:color=0xffd700:t=fill"
                    + ",drawbox=x=iw*0.1:y=ih*0.42:w=iw*0.1:h=ih*0.25:color=0xb5651d:t=fill"
                    + ",drawbox=x=iw*0.1:y=ih*0.42:w=iw*0.1:h=ih*0.25:color=0x222222:t=" + line
                    + ",drawbox=x=iw*0.35:y=ih*0.3:w=iw*0.05:h=ih*0.37:color=0x6b3e1e:t=fill"
                    + ",drawbox=x=iw*0.31:y=ih*0.18:w=iw*0.13:h=ih*0.16:color=0x1e7b34:t=fill"
                    + ",drawbox=x=iw*0.8:y=ih*0.5:w=iw*0.12:h=ih*0.17:color=0xf4a261:t=fill"
                    + ",drawbox=x=iw*0.8:y=ih*0.5:w=iw*0.12:h=ih*0.17:color=0x222222:t=" + line + "[bg];"
                    + "color=c=0xe63946:s=" + even(h2 / 6) + "x" + even(h2 / 6) + r
                    + ",drawbox=x=0:y=0:w=iw:h=ih:color=0x222222:t=" + line + "[a];"
                    + "color=c=0xffffff:s=" + even(w2 / 5) + "x" + even(h2 / 9) + r + "[b];"
                    + "color=c=0x1d3557:s=" + even(h2 / 9) + "x" + even(h2 / 4) + r
                    + ",drawbox=x=0:y=0:w=iw:h=ih:color=0xf1faee:t=" + line + "[c];"
                    + "[bg][b]overlay=x='mod(W*0.05+W*0.02*t,W)':y='H*0.1':shortest=1[x1];"
                    + "[x1][a]overlay=x='W*0.3+W*0.06*t':y='H*2/3-h-H*0.15*abs(sin(t*2.5))':shortest=1[x2];"
                    + "[x2][c]overlay=x='W*0.7-W*0.05*t':y='H*0.7+H*0.04*sin(t*1.7)':shortest=1,"
                    + "crop=w=" + w2 + ":h=" + h2 + ":x='(iw-ow)*(0.5-0.5*cos(t*0.4))':y=0,"
                    + "scale=" + width + ":" + height + ":flags=bicubic";
        }
    },
    /** ffmpeg's moving test pattern: colour bars, a gradient sweep and moving markers. */
    TEST_PATTERN("test-pattern", "colour bars with moving markers (testsrc2)", 440) {
        @Override
        String videoGraph(int width, int height, int rate, double seconds) {
            return "testsrc2=s=" + width + "x" + height + ":r=" + rate;
        }
    },
    /** A zoom into the Mandelbrot set: smooth colour fields with ever finer edges. */
    FRACTAL_ZOOM("fractal-zoom", "zoom into the Mandelbrot set", 550) {
        @Override
        String videoGraph(int width, int height, int rate, double seconds) {
            return "mandelbrot=s=" + width + "x" + height + ":r=" + rate + ":maxiter=256:start_scale=2:end_scale=0.2"
                    + ":end_pts=" + Math.round(seconds * rate); // end_pts counts frames
        }
    },
    /**
     * Conway's game of life on a grid a quarter of the picture size, upscaled smoothly: soft cells appearing and dying
     * all over the picture every frame, expensive at any resolution.
     */
    LIFE("life", "cellular automaton (game of life), soft cells changing every frame", 660) {
        @Override
        String videoGraph(int width, int height, int rate, double seconds) {
            return "life=s=" + even(width / 4) + "x" + even(height / 4) + ":r=" + rate
                    + ":seed=42:ratio=0.15:mold=8:life_color=0x30e060:death_color=0x802020:mold_color=0x202050,"
                    + "scale=" + width + ":" + height + ":flags=bicubic";
        }
    },
    /** A fast pan across a detailed fractal still: high motion with texture. */
    HIGH_MOTION("high-motion", "fast pan across fractal detail", 770) {
        @Override
        String videoGraph(int width, int height, int rate, double seconds) {
            return "mandelbrot=s=" + width + "x" + height + ":r=" + rate
                    + ":maxiter=256:start_scale=0.02:end_scale=0.02"
                    + ":start_x=-0.7436438870371587:start_y=0.1318259042053119,"
                    + "trim=end_frame=1,loop=loop=-1:size=1,scroll=h=0.012:v=0.006";
        }
    },
    /**
     * The moving test pattern under temporal film grain: every frame carries fresh random detail, which x264 keeps
     * only as bits allow, so quality climbs slowly with bitrate.
     */
    GRAIN("grain", "moving test pattern under film grain", 880) {
        @Override
        String videoGraph(int width, int height, int rate, double seconds) {
            return "testsrc2=s=" + width + "x" + height + ":r=" + rate + ",noise=alls=6:allf=t+u:all_seed=42";
        }
    },
    /** Smooth moving gradients: very little detail, but no flat areas either. */
    GRADIENTS("gradients", "smooth moving colour gradients", 990) {
        @Override
        String videoGraph(int width, int height, int rate, double seconds) {
            return "gradients=s=" + width + "x" + height + ":r=" + rate + ":speed=0.05:n=6:seed=42";
        }
    },
    /** The Sierpinski carpet, shifting: sharp black-and-white edges at every scale. */
    SIERPINSKI("sierpinski", "shifting Sierpinski carpet, sharp edges at every scale", 1100) {
        @Override
        String videoGraph(int width, int height, int rate, double seconds) {
            return "sierpinski=s=" + width + "x" + height + ":r=" + rate + ":seed=42:jump=4";
        }
    };

    private final String id;
    private final String description;
    private final int toneHz;

    SyntheticClip(String id, String description, int toneHz) {
        this.id = id;
        this.description = description;
        this.toneHz = toneHz;
    }

    /** A short lower-case name, e.g. {@code flat-cartoon}; also the file name stem. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The frequency of the clip's sine audio track, so each clip sounds distinct. */
    public int toneHz() {
        return toneHz;
    }

    /**
     * The clip named {@code id} (as {@link #id()} or the constant's name, any case).
     *
     * @throws IllegalArgumentException if there is none
     */
    public static SyntheticClip byId(String id) {
        for (SyntheticClip clip : values()) {
            if (clip.id.equalsIgnoreCase(id) || clip.name().equalsIgnoreCase(id)) {
                return clip;
            }
        }
        throw new IllegalArgumentException("unknown clip " + id + "; known: "
                + Arrays.stream(values()).map(SyntheticClip::id).toList());
    }

    /** The lavfi graph for the video, with one unlabelled output. */
    abstract String videoGraph(int width, int height, int rate, double seconds);

    private static int even(int value) {
        return Math.max(2, value / 2 * 2);
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
