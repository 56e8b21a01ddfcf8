package dev.reel.personalization.home.internal;

import dev.reel.personalization.home.RowKind;
import java.util.List;

/** A row being assembled: its candidates in rank order and whether it is a fallback. */
record Row(String id, RowKind kind, String title, List<Candidate> candidates, boolean degraded) {

    Row {
        candidates = List.copyOf(candidates);
    }

    Row withCandidates(List<Candidate> replaced) {
        return new Row(id, kind, title, replaced, degraded);
    }

    Row asFallback(List<Candidate> replaced) {
        return new Row(id, kind, title, replaced, true);
    }
}
