package dev.reel.identity.account.internal;

import dev.reel.identity.account.AccountCreated;
import dev.reel.identity.account.AccountView;
import dev.reel.identity.account.Accounts;
import dev.reel.identity.account.Role;
import dev.reel.identity.account.SignupRequest;
import dev.reel.kit.web.ProblemException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class DefaultAccounts implements Accounts {

    static final int DISPLAY_NAME_MAX = 80;

    private final AccountRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Checked against when an email is unknown, so a miss costs one hash like a hit does. */
    private final String dummyHash;

    DefaultAccounts(
            AccountRepository repository,
            PasswordEncoder passwordEncoder,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.dummyHash = passwordEncoder.encode(Base64.getEncoder().encodeToString(random));
    }

    @Override
    public AccountView signUp(SignupRequest request) {
        String email = request.email().strip();
        if (repository.findByEmail(email).isPresent()) {
            throw emailTaken();
        }
        String hash = passwordEncoder.encode(request.password());
        return create(email, hash, displayName(request.displayName(), email), EnumSet.of(Role.MEMBER))
                .orElseThrow(DefaultAccounts::emailTaken);
    }

    @Override
    public Optional<AccountView> findActive(UUID id) {
        return repository.findById(id).filter(AccountRow::active).map(AccountRow::view);
    }

    @Override
    public Optional<AccountView> verifyCredentials(String email, String password) {
        Optional<AccountRow> row = repository.findByEmail(email.strip());
        String hash = row.map(AccountRow::passwordHash).orElse(dummyHash);
        boolean matches = passwordEncoder.matches(password, hash);
        if (row.isEmpty() || !matches || !row.get().active()) {
            return Optional.empty();
        }
        AccountRow account = row.get();
        if (passwordEncoder.upgradeEncoding(hash)) {
            repository.updatePasswordHash(account.id(), passwordEncoder.encode(password));
        }
        return Optional.of(account.view());
    }

    /**
     * Inserts an account and publishes {@link AccountCreated} in one transaction.
     *
     * @return the account, or empty when the email is taken (also when another instance won a race)
     */
    Optional<AccountView> create(String email, String passwordHash, String displayName, Set<Role> roles) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        AccountRow row = new AccountRow(
                UUID.randomUUID(), email, passwordHash, displayName, roles, AccountRow.Status.ACTIVE, now);
        Optional<AccountView> created = transactions.execute(status -> {
            if (!repository.insertIfAbsent(row)) {
                return Optional.<AccountView>empty();
            }
            events.publishEvent(new AccountCreated(row.id(), row.displayName(), now));
            return Optional.of(row.view());
        });
        return created == null ? Optional.empty() : created;
    }

    static String displayName(@Nullable String requested, String email) {
        String name = requested == null ? "" : requested.strip();
        if (name.isEmpty()) {
            name = email.substring(0, Math.max(0, email.indexOf('@'))).strip();
        }
        if (name.isEmpty()) {
            name = email;
        }
        return name.length() > DISPLAY_NAME_MAX ? name.substring(0, DISPLAY_NAME_MAX) : name;
    }

    private static ProblemException emailTaken() {
        return ProblemException.conflict("An account with this email already exists");
    }
}
