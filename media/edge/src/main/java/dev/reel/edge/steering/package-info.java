/**
 * The appliance's side of steering: {@link dev.reel.edge.steering.SteeringReporter} reports health,
 * load and the titles held every few seconds, and applies the fill plan steering answers with
 * ({@link dev.reel.edge.steering.FillPlan}).
 */
@NullMarked
package dev.reel.edge.steering;

import org.jspecify.annotations.NullMarked;
