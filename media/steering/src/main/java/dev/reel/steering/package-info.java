/**
 * Reel's steering service, the Open Connect control plane: it keeps the registry of edge appliances from their
 * reports, learns title popularity from playback events, plans what each appliance holds (nightly fill) and tells
 * players which appliances to stream from, in order.
 */
@NullMarked
package dev.reel.steering;

import org.jspecify.annotations.NullMarked;
