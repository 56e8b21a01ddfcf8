package dev.reel.encoder.pack;

import dev.reel.encoder.ladder.Rung;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One video rung to package.
 *
 * @param id the rendition's directory name in the output ({@code video/<id>/}) and its DASH representation id, e.g.
 *     {@code v360p}; lower-case letters, digits and dashes, unique within the request ({@link #idsFor} makes them)
 * @param rung the rung the file was encoded for
 * @param file an assembled, verified, video-only H.264 MP4 with a keyframe at every segment boundary
 */
public record VideoInput(String id, Rung rung, Path file) {

    public VideoInput {
        Ids.require(id, "video id");
        Objects.requireNonNull(rung, "rung");
        Objects.requireNonNull(file, "file");
    }

    /**
     * The conventional ids of {@code rungs}, in the same order: {@code v<height>p}, with {@code -2}, {@code -3}... for
     * later rungs that share a height ({@code v360p}, {@code v360p-2}).
     */
    public static List<String> idsFor(List<Rung> rungs) {
        Map<Integer, Integer> seen = new HashMap<>();
        List<String> ids = new ArrayList<>(rungs.size());
        for (Rung rung : rungs) {
            int height = rung.resolution().height();
            int occurrence = seen.merge(height, 1, Integer::sum);
            ids.add("v" + height + "p" + (occurrence == 1 ? "" : "-" + occurrence));
        }
        return ids;
    }
}
