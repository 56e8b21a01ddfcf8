package dev.reel.loadgen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * After the run: did every stop reach the viewing history? For each viewer whose last session we stopped, the
 * bookmark of that title ({@code GET /api/v1/viewing/bookmarks/{titleId}} as the viewer's profile) must show the stop
 * position within {@link #TOLERANCE_MILLIS}. Viewing is fed asynchronously, so bookmarks are polled until all match or
 * the catch-up time is over; what still does not match was lost.
 */
final class EventCheck {

    static final long TOLERANCE_MILLIS = 1_000;

    /** @param checked stops checked @param stored stops whose bookmark showed them */
    record Result(long checked, long stored) {

        static final Result NONE = new Result(0, 0);
    }

    private EventCheck() {}

    static Result run(List<Viewer> viewers, Calls calls, Duration catchUp, Duration pollEvery)
            throws InterruptedException {
        List<Viewer> pending = new ArrayList<>();
        for (Viewer viewer : viewers) {
            if (viewer.lastStop() != null) {
                pending.add(viewer);
            }
        }
        long checked = pending.size();
        long deadline = System.nanoTime() + catchUp.toNanos();
        while (true) {
            for (Iterator<Viewer> it = pending.iterator(); it.hasNext(); ) {
                if (stored(it.next(), calls)) {
                    it.remove();
                }
            }
            if (pending.isEmpty() || System.nanoTime() >= deadline) {
                break;
            }
            Thread.sleep(pollEvery);
        }
        return new Result(checked, checked - pending.size());
    }

    private static boolean stored(Viewer viewer, Calls calls) throws InterruptedException {
        Viewer.StopSent stop = viewer.lastStop();
        if (stop == null) {
            return true;
        }
        Calls.Answer bookmark = calls.api(
                viewer,
                "GET",
                "/api/v1/viewing/bookmarks/" + stop.titleId(),
                null,
                Map.of(PlayStart.PROFILE_HEADER, viewer.profileId()),
                Calls.Policy.QUIET);
        if (!bookmark.ok()) {
            return false;
        }
        try {
            long position = bookmark.json().path("positionMillis").asLong(Long.MIN_VALUE);
            return Math.abs(position - stop.positionMillis()) <= TOLERANCE_MILLIS;
        } catch (RuntimeException notJson) {
            return false;
        }
    }
}
