package dev.reel.identity.profile.internal;

import dev.reel.events.Maturity;
import dev.reel.identity.IdentityProperties;
import dev.reel.identity.profile.CreateProfileRequest;
import dev.reel.identity.profile.ProfileView;
import dev.reel.identity.profile.Profiles;
import dev.reel.identity.profile.UpdateProfileRequest;
import dev.reel.kit.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DefaultProfiles implements Profiles {

    private final ProfileRepository repository;
    private final int maxPerAccount;
    private final Clock clock;

    DefaultProfiles(ProfileRepository repository, IdentityProperties properties, Clock clock) {
        this.repository = repository;
        this.maxPerAccount = properties.profiles().maxPerAccount();
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProfileView> list(UUID accountId) {
        return repository.list(accountId).stream().map(ProfileRow::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public ProfileView get(UUID accountId, UUID profileId) {
        return load(accountId, profileId).view();
    }

    @Override
    @Transactional
    public ProfileView create(UUID accountId, CreateProfileRequest request) {
        boolean kids = Boolean.TRUE.equals(request.kids());
        Maturity ceiling = ProfileRules.ceilingForNew(kids, ProfileRules.maturity(request.maturityCeiling()));
        ProfileRow row = new ProfileRow(
                UUID.randomUUID(),
                accountId,
                request.name().strip(),
                Objects.requireNonNullElse(request.avatar(), ProfileRules.DEFAULT_AVATAR),
                Objects.requireNonNullElse(request.language(), ProfileRules.DEFAULT_LANGUAGE),
                kids,
                ceiling,
                now());
        repository.lockAccount(accountId);
        ProfileRules.ensureRoomForAnother(repository.count(accountId), maxPerAccount);
        insert(row);
        return row.view();
    }

    @Override
    @Transactional
    public ProfileView update(UUID accountId, UUID profileId, UpdateProfileRequest request) {
        ProfileRow current = load(accountId, profileId);
        boolean kids = request.kids() == null ? current.kids() : request.kids();
        Maturity ceiling = ProfileRules.ceilingAfterUpdate(
                kids, current.maturityCeiling(), ProfileRules.maturity(request.maturityCeiling()));
        ProfileRow updated = new ProfileRow(
                current.id(),
                accountId,
                request.name() == null ? current.name() : request.name().strip(),
                Objects.requireNonNullElse(request.avatar(), current.avatar()),
                Objects.requireNonNullElse(request.language(), current.language()),
                kids,
                ceiling,
                current.createdAt());
        try {
            repository.update(updated);
        } catch (DuplicateKeyException e) {
            throw nameTaken();
        }
        return updated.view();
    }

    @Override
    @Transactional
    public void delete(UUID accountId, UUID profileId) {
        repository.lockAccount(accountId);
        load(accountId, profileId);
        ProfileRules.ensureNotLast(repository.count(accountId));
        repository.delete(accountId, profileId);
    }

    /** Creates the first profile of a new account; joins the caller's transaction. */
    @Transactional
    public ProfileView createDefault(UUID accountId, String displayName) {
        ProfileRow row = new ProfileRow(
                UUID.randomUUID(),
                accountId,
                ProfileRules.defaultName(displayName),
                ProfileRules.DEFAULT_AVATAR,
                ProfileRules.DEFAULT_LANGUAGE,
                false,
                ProfileRules.ADULT_CEILING,
                now());
        repository.lockAccount(accountId);
        insert(row);
        return row.view();
    }

    private void insert(ProfileRow row) {
        try {
            repository.insert(row);
        } catch (DuplicateKeyException e) {
            throw nameTaken();
        }
    }

    private ProfileRow load(UUID accountId, UUID profileId) {
        return repository
                .find(accountId, profileId)
                .orElseThrow(() -> ProblemException.notFound("No profile " + profileId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static ProblemException nameTaken() {
        return ProblemException.conflict("This account already has a profile with this name");
    }
}
