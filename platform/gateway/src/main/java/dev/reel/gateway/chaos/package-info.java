/**
 * Chaos at the edge: faults signed into the {@code Reel-Chaos} header of forwarded requests, and ChAP experiments that
 * put a sticky slice of accounts into a control and an equal experiment cohort, fault the experiment cohort only,
 * compare stream starts and stop themselves when the experiment hurts. Admins only ({@code /api/v1/chaos}); state is in
 * the gateway's memory.
 */
@NullMarked
package dev.reel.gateway.chaos;

import org.jspecify.annotations.NullMarked;
