package dev.reel.personalization.model;

import dev.reel.personalization.activity.Interaction;
import dev.reel.recs.AlsModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A trained ALS model with the ids of its matrix rows (profiles) and columns (titles). Immutable and shared by every
 * request until a newer model replaces it.
 */
public final class TrainedModel {

    private final UUID modelId;
    private final Instant trainedAt;
    private final AlsModel als;
    private final List<UUID> profiles;
    private final List<UUID> titles;
    private final Map<UUID, Integer> profileIndex;
    private final Map<UUID, Integer> titleIndex;

    public TrainedModel(UUID modelId, Instant trainedAt, AlsModel als, List<UUID> profiles, List<UUID> titles) {
        if (als.users() != profiles.size() || als.items() != titles.size()) {
            throw new IllegalArgumentException("model " + modelId + " has " + als.users() + "x" + als.items()
                    + " factors for " + profiles.size() + " profiles and " + titles.size() + " titles");
        }
        this.modelId = modelId;
        this.trainedAt = trainedAt;
        this.als = als;
        this.profiles = List.copyOf(profiles);
        this.titles = List.copyOf(titles);
        this.profileIndex = index(this.profiles);
        this.titleIndex = index(this.titles);
    }

    private static Map<UUID, Integer> index(List<UUID> ids) {
        Map<UUID, Integer> index = HashMap.newHashMap(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        return Map.copyOf(index);
    }

    public UUID modelId() {
        return modelId;
    }

    public Instant trainedAt() {
        return trainedAt;
    }

    public AlsModel als() {
        return als;
    }

    public List<UUID> profiles() {
        return profiles;
    }

    public List<UUID> titles() {
        return titles;
    }

    /** The title's column, or -1 when the model has not seen it. */
    public int item(UUID titleId) {
        return titleIndex.getOrDefault(titleId, -1);
    }

    public UUID title(int item) {
        return titles.get(item);
    }

    /**
     * The profile's vector: the trained one when the model knows the profile and nothing changed since training,
     * otherwise folded in from {@code history} (one least-squares step against the fixed item factors).
     *
     * @param history the profile's interactions
     * @return the vector, or null when no interaction is with a title the model knows (a cold start)
     */
    public float @Nullable [] userVector(UUID profileId, List<Interaction> history) {
        Integer user = profileIndex.get(profileId);
        boolean changed = history.stream().anyMatch(i -> i.changedAt().isAfter(trainedAt));
        if (user != null && !changed) {
            return als.userVector(user);
        }
        List<Integer> items = new ArrayList<>();
        List<Float> strengths = new ArrayList<>();
        for (Interaction interaction : history) {
            int item = item(interaction.titleId());
            if (item >= 0) {
                items.add(item);
                strengths.add(interaction.strength());
            }
        }
        if (items.isEmpty()) {
            return user == null ? null : als.userVector(user);
        }
        int[] itemArray = new int[items.size()];
        float[] strengthArray = new float[items.size()];
        for (int i = 0; i < itemArray.length; i++) {
            itemArray[i] = items.get(i);
            strengthArray[i] = strengths.get(i);
        }
        return als.foldIn(itemArray, strengthArray);
    }
}
