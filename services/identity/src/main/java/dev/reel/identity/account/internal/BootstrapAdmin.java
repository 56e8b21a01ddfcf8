package dev.reel.identity.account.internal;

import dev.reel.identity.IdentityProperties;
import dev.reel.identity.account.Role;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator on start-up when {@code reel.identity.bootstrap-admin.email} and
 * {@code .password} are set. It only ever inserts: an existing account, admin or not, keeps its password and roles,
 * so a sign-up that took the email first gains nothing. Several instances may start together; the insert is
 * race-safe and exactly one of them creates the account.
 */
@Component
class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    private static final int MIN_PASSWORD_LENGTH = 10;

    private final IdentityProperties.BootstrapAdmin settings;
    private final AccountRepository repository;
    private final DefaultAccounts accounts;
    private final PasswordEncoder passwordEncoder;

    BootstrapAdmin(
            IdentityProperties properties,
            AccountRepository repository,
            DefaultAccounts accounts,
            PasswordEncoder passwordEncoder) {
        this.settings = properties.bootstrapAdmin();
        this.repository = repository;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.configured()) {
            log.debug("No bootstrap admin configured");
            return;
        }
        String email = Objects.requireNonNull(settings.email()).strip();
        String password = Objects.requireNonNull(settings.password());
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException(
                    "reel.identity.bootstrap-admin.password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        Optional<AccountRow> existing = repository.findByEmail(email);
        if (existing.isPresent()) {
            if (!existing.get().roles().contains(Role.ADMIN)) {
                log.warn(
                        "Bootstrap admin email belongs to non-admin account {}; leaving it unchanged",
                        existing.get().id());
            }
            return;
        }
        String displayName = DefaultAccounts.displayName(settings.displayName(), email);
        accounts.create(email, passwordEncoder.encode(password), displayName, EnumSet.of(Role.MEMBER, Role.ADMIN))
                .ifPresentOrElse(
                        admin -> log.info("Created bootstrap admin account {}", admin.id()),
                        () -> log.info("Bootstrap admin was created concurrently by another instance"));
    }
}
