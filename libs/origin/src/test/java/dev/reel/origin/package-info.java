/** Tests of the origin stores: unit tests, the shared contract and the backends' runs of it. */
@NullMarked
package dev.reel.origin;

import org.jspecify.annotations.NullMarked;
