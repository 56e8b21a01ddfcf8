/**
 * How Reel's load balancers (the gateway's and every service's clients) choose an instance: discovery, the zone
 * preference, and passive ejection of instances that just failed a connection. Needs Spring Cloud LoadBalancer on the
 * classpath, which the rest of this library does not.
 */
@NullMarked
package dev.reel.resilience.balancing;

import org.jspecify.annotations.NullMarked;
