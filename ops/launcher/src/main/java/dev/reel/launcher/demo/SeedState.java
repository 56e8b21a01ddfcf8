package dev.reel.launcher.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How far the demo seed got, kept in {@code <data>/demo/seed.json}: the demo genre and, per clip, the last step
 * completed with what it produced (title id, job id). Immutable; each transition returns a new state and checks that
 * steps happen in order, so a resumed seed never repeats a step that completed.
 *
 * @param genreId the demo genre, once it exists
 * @param clips one entry per clip, in order
 */
public record SeedState(@Nullable UUID genreId, List<ClipState> clips) {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public SeedState {
        clips = List.copyOf(clips);
    }

    /** The steps of one clip, in order; {@link #ENCODED} and {@link #FAILED} are final. */
    public enum Step {
        /** Nothing done yet. */
        PENDING,
        /** The master exists. */
        GENERATED,
        /** Its catalog title exists ({@code titleId} set). */
        TITLE_CREATED,
        /** The title is published. */
        PUBLISHED,
        /** The master is uploaded and a job runs ({@code jobId} set). */
        UPLOADED,
        /** The job is done: the title is playable. */
        ENCODED,
        /** The upload was rejected or the job failed ({@code failure} says why). */
        FAILED;

        /** Whether nothing more happens to the clip. */
        public boolean isFinal() {
            return this == ENCODED || this == FAILED;
        }
    }

    /**
     * One clip's progress.
     *
     * @param clip the clip key ({@link DemoClip#key()})
     * @param step the last step completed
     * @param titleId the catalog title, from {@link Step#TITLE_CREATED} on
     * @param jobId the encoding job, from {@link Step#UPLOADED} on
     * @param failure why the clip failed, for {@link Step#FAILED}
     */
    public record ClipState(
            String clip,
            Step step,
            @Nullable UUID titleId,
            @Nullable UUID jobId,
            @Nullable String failure) {

        public ClipState {
            Objects.requireNonNull(clip, "clip");
            Objects.requireNonNull(step, "step");
        }
    }

    /** A state where nothing is done for {@code clipKeys}. */
    public static SeedState initial(List<String> clipKeys) {
        return new SeedState(
                null,
                clipKeys.stream()
                        .map(key -> new ClipState(key, Step.PENDING, null, null, null))
                        .toList());
    }

    /** This state with a {@link Step#PENDING} entry added for each of {@code clipKeys} it lacks. */
    public SeedState including(List<String> clipKeys) {
        var all = new ArrayList<>(clips);
        for (String key : clipKeys) {
            if (find(key).isEmpty()) {
                all.add(new ClipState(key, Step.PENDING, null, null, null));
            }
        }
        return new SeedState(genreId, all);
    }

    /** The demo genre exists. */
    public SeedState withGenre(UUID id) {
        return new SeedState(Objects.requireNonNull(id, "id"), clips);
    }

    /** The clip's master exists; no change if the clip is already past {@link Step#GENERATED}. */
    public SeedState generated(String clip) {
        ClipState current = clip(clip);
        if (current.step() != Step.PENDING) {
            return this;
        }
        return replace(new ClipState(clip, Step.GENERATED, null, null, null));
    }

    /**
     * The clip's title exists.
     *
     * @throws IllegalStateException unless the clip is {@link Step#GENERATED}
     */
    public SeedState titleCreated(String clip, UUID titleId) {
        ClipState current = expect(clip, Step.GENERATED);
        return replace(new ClipState(current.clip(), Step.TITLE_CREATED, titleId, null, null));
    }

    /**
     * The clip's title is published.
     *
     * @throws IllegalStateException unless the clip is {@link Step#TITLE_CREATED}
     */
    public SeedState published(String clip) {
        ClipState current = expect(clip, Step.TITLE_CREATED);
        return replace(new ClipState(current.clip(), Step.PUBLISHED, current.titleId(), null, null));
    }

    /**
     * The clip's master is uploaded and its job runs.
     *
     * @throws IllegalStateException unless the clip is {@link Step#PUBLISHED}
     */
    public SeedState uploaded(String clip, UUID jobId) {
        ClipState current = expect(clip, Step.PUBLISHED);
        return replace(new ClipState(current.clip(), Step.UPLOADED, current.titleId(), jobId, null));
    }

    /**
     * The clip's job is done.
     *
     * @throws IllegalStateException unless the clip is {@link Step#UPLOADED}
     */
    public SeedState encoded(String clip) {
        ClipState current = expect(clip, Step.UPLOADED);
        return replace(new ClipState(current.clip(), Step.ENCODED, current.titleId(), current.jobId(), null));
    }

    /**
     * The clip failed for good.
     *
     * @throws IllegalStateException if the clip is already {@link Step#ENCODED} or {@link Step#FAILED}
     */
    public SeedState failed(String clip, String reason) {
        ClipState current = clip(clip);
        if (current.step().isFinal()) {
            throw new IllegalStateException(clip + " is already " + current.step());
        }
        return replace(new ClipState(current.clip(), Step.FAILED, current.titleId(), current.jobId(), reason));
    }

    /**
     * The entry of {@code clip}.
     *
     * @throws IllegalArgumentException if there is none
     */
    public ClipState clip(String clip) {
        return find(clip).orElseThrow(() -> new IllegalArgumentException("no demo clip " + clip));
    }

    /** Whether every clip is {@link Step#ENCODED} or {@link Step#FAILED}. */
    public boolean finished() {
        return clips.stream().allMatch(c -> c.step().isFinal());
    }

    /** How many clips are encoded. */
    public int encodedCount() {
        return count(Step.ENCODED);
    }

    /** How many clips failed. */
    public int failedCount() {
        return count(Step.FAILED);
    }

    /**
     * One line for the console and {@code reel status}: {@code ready (4 titles)}, {@code ready: 3/4 titles encoded,
     * 1 failed}, or {@code seeding: 2/4 titles encoded}.
     */
    public String summary() {
        int total = clips.size();
        if (finished()) {
            return failedCount() == 0
                    ? "ready (" + total + " titles)"
                    : "ready: " + encodedCount() + "/" + total + " titles encoded, " + failedCount() + " failed";
        }
        return "seeding: " + encodedCount() + "/" + total + " titles encoded"
                + (failedCount() > 0 ? ", " + failedCount() + " failed" : "");
    }

    /** Serialises to JSON. */
    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /**
     * Writes the state atomically (readers see the old or the new document), creating parent directories.
     *
     * @throws UncheckedIOException if it cannot be written
     */
    public void writeTo(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, toJson());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads the state; empty if the file does not exist or is not a seed document. */
    public static Optional<SeedState> readFrom(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(Files.readString(file), SeedState.class));
        } catch (IOException | JacksonException e) {
            return Optional.empty();
        }
    }

    private Optional<ClipState> find(String clip) {
        return clips.stream().filter(c -> c.clip().equals(clip)).findFirst();
    }

    private ClipState expect(String clip, Step step) {
        ClipState current = clip(clip);
        if (current.step() != step) {
            throw new IllegalStateException(clip + " is " + current.step() + ", not " + step);
        }
        return current;
    }

    private SeedState replace(ClipState updated) {
        return new SeedState(
                genreId,
                clips.stream()
                        .map(c -> c.clip().equals(updated.clip()) ? updated : c)
                        .toList());
    }

    private int count(Step step) {
        return (int) clips.stream().filter(c -> c.step() == step).count();
    }
}
