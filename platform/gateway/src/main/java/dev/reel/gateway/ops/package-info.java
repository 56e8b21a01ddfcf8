/**
 * The operations overview behind the ops page: every service and instance from discovery and the local launcher, their
 * health, request counters, latency histograms and circuit breakers from each instance's Prometheus endpoint, and the
 * edge appliances from steering, with one overall verdict. Admins only ({@code GET /api/v1/ops/overview}).
 */
@NullMarked
package dev.reel.gateway.ops;

import org.jspecify.annotations.NullMarked;
