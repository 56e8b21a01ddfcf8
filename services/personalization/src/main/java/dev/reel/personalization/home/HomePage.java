package dev.reel.personalization.home;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The body of {@code GET /api/v1/home}.
 *
 * @param requestId names this page in the impressions and clicks the client reports ({@code homeRequestId})
 * @param cells the profile's account's cell in every experiment that shaped the page
 * @param rows in display order
 * @param degraded ids of the rows that are fallbacks or were left out because building them failed
 */
public record HomePage(
        UUID profileId,
        String requestId,
        Instant generatedAt,
        Map<String, String> cells,
        List<HomeRow> rows,
        List<String> degraded) {}
