package dev.reel.identity.account;

import java.time.Instant;
import java.util.UUID;

/**
 * Published inside the transaction that creates an account, by sign-up and by the admin bootstrap. Listeners run
 * synchronously in that transaction, so whatever they write commits or rolls back with the account.
 *
 * @param accountId the new account's id
 * @param displayName the new account's display name
 * @param occurredAt when the account was created
 */
public record AccountCreated(UUID accountId, String displayName, Instant occurredAt) {}
