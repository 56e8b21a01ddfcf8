/** RFC 9457 problem responses for everything the gateway itself answers with an error. */
@NullMarked
package dev.reel.gateway.problem;

import org.jspecify.annotations.NullMarked;
