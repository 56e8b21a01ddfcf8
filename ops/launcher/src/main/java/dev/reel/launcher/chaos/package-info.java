/**
 * {@code reel chaos}: fault injection through the gateway's chaos API (latency and error faults, ChAP experiments)
 * and process-level chaos on the local supervisor's instances (Chaos Monkey kills, a Chaos Gorilla zone outage held
 * down with {@link dev.reel.launcher.state.Holds}). The choice of victims lives in small pure classes
 * ({@link MonkeyTargets}, {@link GorillaPlan}) so it can be tested without processes.
 */
@NullMarked
package dev.reel.launcher.chaos;

import org.jspecify.annotations.NullMarked;
