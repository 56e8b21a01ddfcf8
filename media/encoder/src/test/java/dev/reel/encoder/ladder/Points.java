package dev.reel.encoder.ladder;

/** Hand-made rate–quality points for tests. */
final class Points {

    static final Resolution P240 = new Resolution(426, 240);
    static final Resolution P480 = new Resolution(854, 480);
    static final Resolution P720 = new Resolution(1280, 720);
    static final Resolution P1080 = new Resolution(1920, 1080);

    private Points() {}

    static RateQualityPoint point(Resolution resolution, int crf, int kbps, double quality) {
        return RateQualityPoint.of(resolution, crf, kbps * 1000L, quality);
    }

    static RateQualityPoint point(int kbps, double quality) {
        return RateQualityPoint.of(P720, null, kbps * 1000L, quality);
    }
}
