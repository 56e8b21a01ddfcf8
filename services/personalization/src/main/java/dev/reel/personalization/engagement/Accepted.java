package dev.reel.personalization.engagement;

/** The 202 of {@code POST /api/v1/events}: how many events were accepted for publishing. */
public record Accepted(int accepted) {}
