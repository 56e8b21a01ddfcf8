/**
 * What clients report about what members saw and picked, published by personalization on {@link
 * dev.reel.events.Topics#CLIENT_ENGAGEMENT}.
 */
@NullMarked
package dev.reel.events.engagement;

import org.jspecify.annotations.NullMarked;
