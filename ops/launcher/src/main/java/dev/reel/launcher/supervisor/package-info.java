/**
 * Starting, health-checking, restarting and stopping the child JVMs of a local Reel deployment.
 */
@NullMarked
package dev.reel.launcher.supervisor;

import org.jspecify.annotations.NullMarked;
