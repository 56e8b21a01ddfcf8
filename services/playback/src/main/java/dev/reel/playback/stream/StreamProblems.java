package dev.reel.playback.stream;

import dev.reel.kit.web.ProblemException;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The problems of stream selection, with their RFC 9457 {@code type}s. */
public final class StreamProblems {

    /** Type of the 409 for a title without media playback can hand out. */
    public static final URI TITLE_NOT_PLAYABLE = URI.create("https://reel.dev/problems/title-not-playable");

    /** Type of the 422 for a device that can play none of a title's renditions. */
    public static final URI NO_PLAYABLE_RENDITION = URI.create("https://reel.dev/problems/no-playable-rendition");

    private StreamProblems() {}

    /** 409 {@code title-not-playable}: there is no encoded media to play (yet), or it cannot be read. */
    public static ProblemException notPlayable(UUID titleId, String reason) {
        var problem = new ProblemException(
                HttpStatus.CONFLICT, "Title not playable", "Title " + titleId + " cannot be played: " + reason);
        problem.getBody().setType(TITLE_NOT_PLAYABLE);
        return problem;
    }

    /** 422: none of the title's renditions fits the device's height limit and codecs. */
    public static ProblemException noPlayableRendition(Device device) {
        var problem = new ProblemException(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "No playable rendition",
                "No rendition of this title fits a " + device.deviceClass().label() + " up to " + device.maxHeight()
                        + "p with codecs " + device.codecs().stream().sorted().toList());
        problem.getBody().setType(NO_PLAYABLE_RENDITION);
        return problem;
    }

    /** 503: the origin store cannot be read right now. */
    public static ProblemException originUnavailable() {
        return new ProblemException(
                HttpStatus.SERVICE_UNAVAILABLE, "Origin unavailable", "The media origin cannot be read right now");
    }
}
