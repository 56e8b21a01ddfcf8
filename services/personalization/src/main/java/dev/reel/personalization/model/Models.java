package dev.reel.personalization.model;

import org.jspecify.annotations.Nullable;

/** The newest trained model, and training on demand. */
public interface Models {

    /** The model this instance serves, or null before any model was trained; from memory. */
    @Nullable
    TrainedModel current();

    /**
     * Trains a model on every interaction now, stores it and serves it. Only one instance trains at a time.
     *
     * @throws dev.reel.kit.web.ProblemException 409 {@code training-in-progress} when another instance is training, or
     *     {@code nothing-to-train} when there are no interactions yet
     */
    TrainingResult train();
}
