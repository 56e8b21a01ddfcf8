package dev.reel.personalization.model;

import dev.reel.kit.web.ProblemException;
import java.net.URI;
import org.springframework.http.HttpStatus;

/** The problems of training, with their RFC 9457 {@code type}s. */
public final class ModelProblems {

    /** Type of the 409 when another instance holds the trainer lock. */
    public static final URI TRAINING_IN_PROGRESS = URI.create("https://reel.dev/problems/training-in-progress");

    /** Type of the 409 when there are no interactions to train on. */
    public static final URI NOTHING_TO_TRAIN = URI.create("https://reel.dev/problems/nothing-to-train");

    private ModelProblems() {}

    public static ProblemException trainingInProgress() {
        var problem = new ProblemException(
                HttpStatus.CONFLICT, "Training in progress", "Another instance is training a model; try again shortly");
        problem.getBody().setType(TRAINING_IN_PROGRESS);
        return problem;
    }

    public static ProblemException nothingToTrain() {
        var problem =
                new ProblemException(HttpStatus.CONFLICT, "Nothing to train", "No profile has played anything yet");
        problem.getBody().setType(NOTHING_TO_TRAIN);
        return problem;
    }
}
