/** The profile a session plays for, checked against the caller's account by asking identity. */
@NullMarked
package dev.reel.playback.profile;

import org.jspecify.annotations.NullMarked;
