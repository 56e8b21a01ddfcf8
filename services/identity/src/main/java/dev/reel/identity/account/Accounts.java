package dev.reel.identity.account;

import java.util.Optional;
import java.util.UUID;

/** The account feature's API for the rest of identity. */
public interface Accounts {

    /**
     * Creates a member account and publishes {@link AccountCreated} in the same transaction.
     *
     * @param request a validated sign-up request
     * @return the new account
     * @throws dev.reel.kit.web.ProblemException 409 when an account with this email exists (case-insensitive)
     */
    AccountView signUp(SignupRequest request);

    /** The active account with this id, or empty. */
    Optional<AccountView> findActive(UUID id);

    /**
     * Checks a password. Takes about as long whether or not the email belongs to an account, so the answer
     * time does not reveal which emails are registered. Brute-force protection is the caller's job.
     *
     * @return the active account when the password matches, otherwise empty
     */
    Optional<AccountView> verifyCredentials(String email, String password);
}
