/**
 * Implicit-feedback recommendations: a sparse {@link dev.reel.recs.InteractionMatrix}, alternating least squares in
 * the style of Hu, Koren and Volinsky solved with a few conjugate-gradient steps per row ({@link
 * dev.reel.recs.ImplicitAls}), and the trained {@link dev.reel.recs.AlsModel} (scores, fold-in, item–item
 * similarity, a versioned byte form). Pure Java, no framework.
 */
@NullMarked
package dev.reel.recs;

import org.jspecify.annotations.NullMarked;
