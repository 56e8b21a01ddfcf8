/**
 * What the gateway, every service and Reel's own clients share to stay up under failure and overload: request {@link
 * dev.reel.resilience.Criticality}, the {@link dev.reel.resilience.PriorityLimiter} that sheds the least important
 * requests first, the {@link dev.reel.resilience.RetryBudget} that keeps retries from becoming a storm, and {@link
 * dev.reel.resilience.ChaosFault}s signed by the gateway and honoured by services.
 */
@NullMarked
package dev.reel.resilience;

import org.jspecify.annotations.NullMarked;
