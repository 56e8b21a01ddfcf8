/** Facts published by the encoder about its jobs, on {@link dev.reel.events.Topics#ENCODING_JOBS}. */
@NullMarked
package dev.reel.events.encoding;

import org.jspecify.annotations.NullMarked;
