package dev.reel.personalization.model.internal;

import dev.reel.personalization.PersonalizationProperties;
import dev.reel.personalization.activity.Activity;
import dev.reel.personalization.model.ModelProblems;
import dev.reel.personalization.model.Models;
import dev.reel.personalization.model.TrainedModel;
import dev.reel.personalization.model.TrainingResult;
import dev.reel.recs.AlsModel;
import dev.reel.recs.ImplicitAls;
import dev.reel.recs.InteractionMatrix;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link Models} over PostgreSQL. Training runs in one transaction holding the trainer's advisory lock, so one
 * instance trains at a time and a crash releases the lock; the model (libs/recs bytes and the id maps) is stored in
 * the same transaction. Every instance polls for the newest model and swaps it in, so requests only read memory.
 */
@Service
class ModelService implements Models {

    private static final Logger log = LoggerFactory.getLogger(ModelService.class);

    private final ModelRepository repository;
    private final Activity activity;
    private final TransactionTemplate transactions;
    private final PersonalizationProperties.Training settings;
    private final Clock clock;
    private volatile @Nullable TrainedModel current;

    ModelService(
            ModelRepository repository,
            Activity activity,
            TransactionTemplate transactions,
            PersonalizationProperties properties,
            Clock clock) {
        this.repository = repository;
        this.activity = activity;
        this.transactions = transactions;
        this.settings = properties.training();
        this.clock = clock;
    }

    @Override
    public @Nullable TrainedModel current() {
        return current;
    }

    @Override
    public TrainingResult train() {
        Optional<TrainingResult> result = trainIfLocked();
        if (result.isEmpty()) {
            throw ModelProblems.trainingInProgress();
        }
        return result.get();
    }

    /** Trains when new interactions exist since the newest model; skips when another instance is training. */
    void trainIfStale() {
        Instant lastChange = activity.lastChange();
        if (lastChange == null) {
            return;
        }
        Optional<ModelRepository.Latest> latest = repository.latest();
        if (latest.isPresent()
                && latest.get().sourceChangedAt() != null
                && !lastChange.isAfter(latest.get().sourceChangedAt())) {
            return;
        }
        trainIfLocked()
                .ifPresent(r -> log.info(
                        "trained model {}: {} profiles x {} titles, {} interactions in {} ms",
                        r.modelId(),
                        r.users(),
                        r.items(),
                        r.interactions(),
                        r.trainingMillis()));
    }

    private Optional<TrainingResult> trainIfLocked() {
        var trained = transactions.execute(status -> {
            if (!repository.tryLock()) {
                return Optional.<Trained>empty();
            }
            return Optional.of(trainLocked());
        });
        Optional<Trained> done = Objects.requireNonNull(trained);
        done.ifPresent(t -> current = t.model());
        return done.map(Trained::result);
    }

    private record Trained(TrainedModel model, TrainingResult result) {}

    private Trained trainLocked() {
        Instant sourceChangedAt = activity.lastChange();
        Map<UUID, Integer> profiles = new HashMap<>();
        Map<UUID, Integer> titles = new HashMap<>();
        List<UUID> profileIds = new ArrayList<>();
        List<UUID> titleIds = new ArrayList<>();
        var cells = new ArrayList<long[]>();
        var strengths = new ArrayList<Float>();
        activity.forEachInteraction(interaction -> {
            int user = profiles.computeIfAbsent(interaction.profileId(), id -> {
                profileIds.add(id);
                return profileIds.size() - 1;
            });
            int item = titles.computeIfAbsent(interaction.titleId(), id -> {
                titleIds.add(id);
                return titleIds.size() - 1;
            });
            cells.add(new long[] {user, item});
            strengths.add(interaction.strength());
        });
        if (cells.isEmpty()) {
            throw ModelProblems.nothingToTrain();
        }
        InteractionMatrix.Builder matrix = InteractionMatrix.builder(profileIds.size(), titleIds.size());
        for (int i = 0; i < cells.size(); i++) {
            matrix.add((int) cells.get(i)[0], (int) cells.get(i)[1], strengths.get(i));
        }
        InteractionMatrix data = matrix.build();
        ImplicitAls als = ImplicitAls.builder()
                .factors(settings.factors())
                .iterations(settings.iterations())
                .regularization(settings.regularization())
                .alpha(settings.alpha())
                .cgSteps(settings.cgSteps())
                .threads(settings.threads())
                .build();
        long started = System.nanoTime();
        AlsModel factors = als.train(data);
        long millis = (System.nanoTime() - started) / 1_000_000;
        var model = new TrainedModel(UUID.randomUUID(), clock.instant(), factors, profileIds, titleIds);
        repository.insert(model, sourceChangedAt, data.nonZeros(), millis);
        var result = new TrainingResult(
                model.modelId(), model.trainedAt(), data.users(), data.items(), data.nonZeros(), millis);
        return new Trained(model, result);
    }

    /** Swaps in the newest stored model when it is not the one served. */
    void poll() {
        Optional<ModelRepository.Latest> latest = repository.latest();
        TrainedModel served = current;
        if (latest.isEmpty()
                || served != null && served.modelId().equals(latest.get().modelId())) {
            return;
        }
        repository.load(latest.get().modelId()).ifPresent(model -> {
            current = model;
            log.info("serving model {} trained at {}", model.modelId(), model.trainedAt());
        });
    }
}
