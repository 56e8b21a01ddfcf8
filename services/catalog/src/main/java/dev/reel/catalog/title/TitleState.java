package dev.reel.catalog.title;

/** Publishing state: drafts are visible to admins only. */
public enum TitleState {
    DRAFT,
    PUBLISHED
}
