/**
 * Offline evaluation of the recommender: a ratings file reader, a leave-last-out split, HR@10, NDCG@10 and Recall@20
 * over the full catalog, a popularity baseline, and a synthetic dataset with planted taste clusters.
 */
@NullMarked
package dev.reel.recs.eval;

import org.jspecify.annotations.NullMarked;
