/**
 * The edge appliance: {@link dev.reel.edge.EdgeServer} serves segments and manifests from a disk
 * cache with sendfile, byte ranges and a signed token on every request.
 */
@NullMarked
package dev.reel.edge;

import org.jspecify.annotations.NullMarked;
