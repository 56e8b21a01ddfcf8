/**
 * The {@code reel} command line: {@code up} runs the embedded infrastructure and supervises one JVM per service
 * instance (Titus' role on a laptop), {@code status}, {@code logs} and {@code down} act on a running launcher
 * through the files under its data directory.
 */
@NullMarked
package dev.reel.launcher;

import org.jspecify.annotations.NullMarked;
