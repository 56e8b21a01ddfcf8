package dev.reel.origin.internal;

import dev.reel.origin.Publication;
import dev.reel.origin.RetentionPolicy;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A title's pointer document: its current version plus the versions it superseded, newest first,
 * which is what garbage collection uses to decide what to keep. Stored as one small JSON object
 * ({@code CURRENT} on the filesystem, {@code current.json} in S3) and always replaced whole.
 *
 * @param current the current version
 * @param previous superseded versions, newest first, at most {@link
 *     RetentionPolicy#MAX_KEEP_PREVIOUS}
 */
public record Pointer(Publication current, List<Previous> previous) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The pointer format this code writes and reads. */
    public static final int FORMAT = 1;

    /**
     * A superseded version.
     *
     * @param version its id
     * @param supersededAt when the next version replaced it
     */
    public record Previous(String version, Instant supersededAt) {}

    /** Copies the list. */
    public Pointer {
        previous = List.copyOf(previous);
    }

    /** The first pointer of a title. */
    public static Pointer first(Publication current) {
        return new Pointer(current, List.of());
    }

    /** The pointer that makes {@code next} current and remembers this one's current version. */
    public Pointer successor(Publication next) {
        List<Previous> history = new ArrayList<>();
        history.add(new Previous(current.version(), next.publishedAt()));
        history.addAll(previous);
        history.removeIf(p -> p.version().equals(next.version()));
        return new Pointer(next, history.subList(0, Math.min(history.size(), RetentionPolicy.MAX_KEEP_PREVIOUS)));
    }

    /** The JSON document. */
    public String toJson() {
        var document = new Document(
                FORMAT,
                current.titleId(),
                current.version(),
                current.publishedAt().toString(),
                current.objectCount(),
                current.totalBytes(),
                current.digest(),
                previous.stream()
                        .map(p ->
                                new Document.Entry(p.version(), p.supersededAt().toString()))
                        .toList());
        return JSON.writeValueAsString(document) + "\n";
    }

    /**
     * Reads a pointer document and checks that it belongs to {@code titleId} and names only
     * well-formed version ids, so a tampered pointer can never redirect reads outside the title.
     *
     * @throws IOException if the document is not a valid pointer for the title
     */
    public static Pointer parse(String json, String titleId) throws IOException {
        try {
            Document doc = JSON.readValue(json, Document.class);
            if (doc.format() != FORMAT) {
                throw new IllegalArgumentException("unsupported format " + doc.format());
            }
            String title = required(doc.titleId(), "titleId");
            if (!title.equals(titleId)) {
                throw new IllegalArgumentException("it names title '" + title + "'");
            }
            String digest = required(doc.digest(), "digest");
            if (!digest.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("bad digest");
            }
            Publication current = new Publication(
                    title,
                    version(doc.version()),
                    Instant.parse(required(doc.publishedAt(), "publishedAt")),
                    doc.objectCount(),
                    doc.totalBytes(),
                    digest);
            List<Previous> previous = new ArrayList<>();
            for (Document.Entry entry : doc.previous() == null ? List.<Document.Entry>of() : doc.previous()) {
                previous.add(new Previous(
                        version(entry.version()), Instant.parse(required(entry.supersededAt(), "supersededAt"))));
            }
            return new Pointer(current, previous);
        } catch (JacksonException | IllegalArgumentException | DateTimeParseException e) {
            throw new IOException("Corrupt origin pointer for title '" + titleId + "': " + e.getMessage(), e);
        }
    }

    /** The stored shape of a pointer; fields are checked by {@link #parse} before use. */
    record Document(
            int format,
            @Nullable String titleId,
            @Nullable String version,
            @Nullable String publishedAt,
            int objectCount,
            long totalBytes,
            @Nullable String digest,
            @Nullable List<Entry> previous) {

        record Entry(@Nullable String version, @Nullable String supersededAt) {}
    }

    private static String version(@Nullable String value) {
        String version = required(value, "version");
        if (!VersionIds.isValid(version)) {
            throw new IllegalArgumentException("bad version id");
        }
        return version;
    }

    private static String required(@Nullable String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return value;
    }
}
