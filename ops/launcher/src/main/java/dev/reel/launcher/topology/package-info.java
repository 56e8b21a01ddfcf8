/**
 * What runs where: the service table, instance counts, zones and ports of a local Reel deployment.
 * Everything here is pure data and validation, with no processes or I/O except {@link dev.reel.launcher.topology.Ports}.
 */
@NullMarked
package dev.reel.launcher.topology;

import org.jspecify.annotations.NullMarked;
