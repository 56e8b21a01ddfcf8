/**
 * The viewer simulator behind {@code reel load}: {@link dev.reel.loadgen.LoadGenerator} signs up a set of viewers,
 * presses Play on an open-loop schedule through the gateway, streams the first segment from the edges as a player
 * does, backs off and retries within a {@link dev.reel.resilience.RetryBudget} when the platform sheds load, and
 * reports starts per second, time to start and viewing events lost on the way as a {@link
 * dev.reel.loadgen.LoadSummary}.
 */
@NullMarked
package dev.reel.loadgen;

import org.jspecify.annotations.NullMarked;
