/**
 * The files a running launcher shares with the other {@code reel} commands: the pid file and run lock, the
 * {@code state.json} snapshot of its instances, and the bootstrap admin credentials.
 */
@NullMarked
package dev.reel.launcher.state;

import org.jspecify.annotations.NullMarked;
