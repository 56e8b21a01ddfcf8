package dev.reel.kit.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.events.Maturity;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ViewerProfilesTest {

    private final UUID account = UUID.randomUUID();
    private final UUID profile = UUID.randomUUID();

    @Test
    void aKidsProfileIsCappedAtSevenWhateverItsStoredCeiling() {
        var viewer = ViewerProfiles.profileOf(account, profile, new ProfileApi.ProfileResponse(profile, "18+", true));

        assertThat(viewer.kids()).isTrue();
        assertThat(viewer.ceiling()).isEqualTo(Maturity.SEVEN_PLUS);
        assertThat(viewer.accountId()).isEqualTo(account);
    }

    @Test
    void anAdultProfileKeepsItsCeiling() {
        var viewer = ViewerProfiles.profileOf(account, profile, new ProfileApi.ProfileResponse(profile, "13+", false));

        assertThat(viewer.ceiling()).isEqualTo(Maturity.THIRTEEN_PLUS);
    }

    @Test
    void aMissingOrUnknownCeilingFailsSafeToKids() {
        assertThat(ViewerProfiles.profileOf(account, profile, new ProfileApi.ProfileResponse(profile, null, false))
                        .ceiling())
                .isEqualTo(Maturity.SEVEN_PLUS);
        assertThat(ViewerProfiles.profileOf(account, profile, new ProfileApi.ProfileResponse(null, "R", null))
                        .ceiling())
                .isEqualTo(Maturity.SEVEN_PLUS);
    }
}
