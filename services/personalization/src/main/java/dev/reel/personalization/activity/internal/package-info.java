/** The playback events listener, the interactions and trending tables, and the trending refresh. */
@NullMarked
package dev.reel.personalization.activity.internal;

import org.jspecify.annotations.NullMarked;
