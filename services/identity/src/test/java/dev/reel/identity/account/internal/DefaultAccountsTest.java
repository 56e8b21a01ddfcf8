package dev.reel.identity.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefaultAccountsTest {

    @Test
    void displayNameDefaultsToTheEmailLocalPart() {
        assertThat(DefaultAccounts.displayName(null, "ada.lovelace@example.com"))
                .isEqualTo("ada.lovelace");
        assertThat(DefaultAccounts.displayName("  ", "ada@example.com")).isEqualTo("ada");
    }

    @Test
    void displayNameIsTrimmedAndCapped() {
        assertThat(DefaultAccounts.displayName("  Ada  ", "ada@example.com")).isEqualTo("Ada");
        assertThat(DefaultAccounts.displayName("x".repeat(200), "ada@example.com"))
                .hasSize(DefaultAccounts.DISPLAY_NAME_MAX);
    }
}
