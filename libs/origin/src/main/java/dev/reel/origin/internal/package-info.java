/** Implementation details of the origin stores; not an API. */
@NullMarked
package dev.reel.origin.internal;

import org.jspecify.annotations.NullMarked;
