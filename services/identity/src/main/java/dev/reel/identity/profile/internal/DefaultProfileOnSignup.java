package dev.reel.identity.profile.internal;

import dev.reel.identity.account.AccountCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Gives every new account its first profile, in the transaction that creates the account. */
@Component
class DefaultProfileOnSignup {

    private final DefaultProfiles profiles;

    DefaultProfileOnSignup(DefaultProfiles profiles) {
        this.profiles = profiles;
    }

    @EventListener
    void on(AccountCreated event) {
        profiles.createDefault(event.accountId(), event.displayName());
    }
}
