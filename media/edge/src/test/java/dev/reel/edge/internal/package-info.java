@NullMarked
package dev.reel.edge.internal;

import org.jspecify.annotations.NullMarked;
