package dev.reel.encoder.probe.internal;

import dev.reel.encoder.probe.AudioTrack;
import dev.reel.encoder.probe.MediaInfo;
import dev.reel.encoder.probe.MediaProbeException;
import dev.reel.encoder.probe.SubtitleTrack;
import dev.reel.encoder.probe.VideoStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Turns ffprobe's output into {@link MediaInfo}. Stateless and thread-safe. */
public final class FfprobeOutput {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private FfprobeOutput() {}

    /**
     * Parses the output of {@code ffprobe -print_format json -show_streams -show_format}.
     *
     * @throws MediaProbeException if the output has no format section, no audio or video stream, or no duration
     */
    public static MediaInfo parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new MediaProbeException("ffprobe printed output that is not JSON", e);
        }
        JsonNode format = root.path("format");
        if (format.isMissingNode()) {
            throw new MediaProbeException("ffprobe found no container format");
        }
        VideoStream video = null;
        List<AudioTrack> audio = new ArrayList<>();
        List<SubtitleTrack> subtitles = new ArrayList<>();
        double longestStream = 0;
        for (JsonNode stream : root.path("streams")) {
            String type = stream.path("codec_type").asString("");
            String codec = stream.path("codec_name").asString("unknown");
            int index = stream.path("index").asInt(-1);
            JsonNode tags = stream.path("tags");
            JsonNode disposition = stream.path("disposition");
            boolean isDefault = disposition.path("default").asInt(0) == 1;
            switch (type) {
                case "video" -> {
                    if (video == null && disposition.path("attached_pic").asInt(0) == 0) {
                        double rate = rate(stream.path("avg_frame_rate").asString(""));
                        if (rate <= 0) {
                            rate = rate(stream.path("r_frame_rate").asString(""));
                        }
                        video = new VideoStream(
                                index,
                                codec,
                                stream.path("width").asInt(0),
                                stream.path("height").asInt(0),
                                rate,
                                optionalLong(stream.path("nb_frames")),
                                optionalLong(stream.path("bit_rate")),
                                optionalText(stream.path("pix_fmt")));
                        longestStream = Math.max(longestStream, seconds(stream.path("duration")));
                    }
                }
                case "audio" -> {
                    audio.add(new AudioTrack(
                            index,
                            codec,
                            language(tags),
                            optionalText(tags.path("title")),
                            stream.path("channels").asInt(0),
                            (int) parseLong(stream.path("sample_rate").asString("0"), 0),
                            isDefault));
                    longestStream = Math.max(longestStream, seconds(stream.path("duration")));
                }
                case "subtitle" ->
                    subtitles.add(new SubtitleTrack(
                            index,
                            codec,
                            language(tags),
                            optionalText(tags.path("title")),
                            disposition.path("forced").asInt(0) == 1,
                            isDefault));
                default -> {
                    // Data and attachment streams carry nothing Reel plays.
                }
            }
        }
        if (video == null && audio.isEmpty()) {
            throw new MediaProbeException("The file has no audio or video stream");
        }
        double duration = seconds(format.path("duration"));
        if (duration <= 0) {
            duration = longestStream;
        }
        if (duration <= 0) {
            throw new MediaProbeException("The file has no duration; it may be truncated or corrupt");
        }
        return new MediaInfo(
                format.path("format_name").asString("unknown"),
                Duration.ofNanos(Math.round(duration * 1e9)),
                parseLong(format.path("size").asString("0"), 0),
                optionalLong(format.path("bit_rate")),
                video,
                audio,
                subtitles,
                null);
    }

    /**
     * Parses one line of {@code ffprobe -show_entries packet=pts_time,flags -of csv=print_section=0}, such as {@code
     * 2.000000,K__}.
     *
     * @return the packet's time when it is a keyframe, else {@code null}
     */
    public static @Nullable Duration keyframeTime(String line) {
        String[] fields = line.strip().split(",");
        if (fields.length < 2 || !fields[1].startsWith("K")) {
            return null;
        }
        try {
            return Duration.ofNanos(Math.round(Double.parseDouble(fields[0]) * 1e9));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable String language(JsonNode tags) {
        String language = optionalText(tags.path("language"));
        if (language == null || language.equalsIgnoreCase("und")) {
            return null;
        }
        return language.toLowerCase(Locale.ROOT);
    }

    private static @Nullable String optionalText(JsonNode node) {
        if (!node.isValueNode()) {
            return null;
        }
        String text = node.asString("");
        return text.isBlank() ? null : text;
    }

    private static @Nullable Long optionalLong(JsonNode node) {
        if (!node.isValueNode()) {
            return null;
        }
        long value = parseLong(node.asString(""), -1);
        return value < 0 ? null : value;
    }

    private static long parseLong(String text, long fallback) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static double seconds(JsonNode node) {
        try {
            return node.isValueNode() ? Double.parseDouble(node.asString("")) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Parses {@code 30000/1001} or {@code 25}; 0 when unknown ({@code 0/0}). */
    static double rate(String text) {
        try {
            int slash = text.indexOf('/');
            if (slash < 0) {
                return text.isBlank() ? 0 : Double.parseDouble(text);
            }
            double numerator = Double.parseDouble(text.substring(0, slash));
            double denominator = Double.parseDouble(text.substring(slash + 1));
            return denominator == 0 ? 0 : numerator / denominator;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
