/** What profiles watched (interactions) and what is trending, from playback events. */
@NullMarked
package dev.reel.personalization.activity;

import org.jspecify.annotations.NullMarked;
