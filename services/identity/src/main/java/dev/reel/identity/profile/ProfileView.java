package dev.reel.identity.profile;

import java.util.UUID;

/**
 * A profile as the API shows it.
 *
 * @param id the profile id, sent by clients as {@code X-Profile-Id}
 * @param name unique within the account, ignoring case
 * @param avatar a short avatar id
 * @param language a BCP 47 language tag such as {@code en} or {@code pt-BR}
 * @param kids whether this is a kids profile (its ceiling is at most 7+)
 * @param maturityCeiling the highest {@link dev.reel.events.Maturity} label the profile may watch, such as
 *     {@code "13+"}
 */
public record ProfileView(UUID id, String name, String avatar, String language, boolean kids, String maturityCeiling) {}
