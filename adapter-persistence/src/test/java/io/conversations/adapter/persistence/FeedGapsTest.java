package io.conversations.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.conversations.adapter.persistence.EventFeed.Missing;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tail's gaps: only in residue classes the feed uses, as runs, capped by runs. */
class FeedGapsTest {
    private final FeedGaps gaps = new FeedGaps(10_000);
    private long watermark;

    private void see(long position, long now) {
        if (position > watermark) {
            gaps.passed(watermark, position, now);
            watermark = position;
        } else {
            gaps.filled(position);
        }
    }

    @Test
    void onOneServerEveryPositionSkippedIsAGapUntilItIsSeen() {
        see(1, 0);
        see(2, 0);
        see(5, 0);
        assertTrue(gaps.tracks(3) && gaps.tracks(4));
        assertEquals(List.of(new Missing(3, 4, 1)), gaps.toAsk(0, true, 1000, 500), "one run, asked as one range");
        see(3, 10);
        assertFalse(gaps.tracks(3));
        assertTrue(gaps.tracks(4));
        assertEquals(1, gaps.positions());
    }

    @Test
    void throughOneGaleraNodeTheOtherNodesClassesAreNoGaps() {
        gaps.step(3);
        for (long p = 1; p <= 30_001; p += 3) { // one node of three writes: 1, 4, 7, ...
            see(p, p / 10);
        }
        assertEquals(0, gaps.runs(), "2 of every 3 positions are never used, and none is waited for");

        see(30_004, 3_000);
        see(30_010, 3_000); // 30_007 is still committing
        assertTrue(gaps.tracks(30_007));
        assertFalse(gaps.tracks(30_008) || gaps.tracks(30_009));
        assertEquals(List.of(new Missing(30_007, 30_007, 1)), gaps.toAsk(3_000, false, 1_000, 500));
        see(30_007, 3_100);
        assertEquals(0, gaps.runs());
    }

    @Test
    void whileTwoNodesWriteBothClassesAreWatchedAndARolledBackBlockIsOneRun() {
        gaps.step(3);
        see(1, 0);
        see(2, 0);   // a second node (class 2) writes too
        see(4, 0);
        see(11, 0);  // 5 to 10 skipped: 7 and 10 (class 1), 5 and 8 (class 2) are gaps; 6 and 9 (class 0) never used
        assertTrue(gaps.tracks(5) && gaps.tracks(7) && gaps.tracks(8) && gaps.tracks(10));
        assertFalse(gaps.tracks(6) || gaps.tracks(9));
        see(7, 1);
        assertFalse(gaps.tracks(7));
        assertTrue(gaps.tracks(5) && gaps.tracks(8));

        gaps.step(1); // one server (or the cluster shrank to one node): every class again
        see(3_012, 2);
        assertEquals(3_000, gaps.toAsk(2, true, 1_000, 500).stream().filter(m -> m.first() == 12).findFirst()
                .map(m -> (m.last() - m.first()) / m.stride() + 1).orElse(0L), "a thousand rolled-back events: one run");
    }

    @Test
    void aNodeThatStopsWritingStopsMakingGapsWithinAWindowOfEventsWhateverTheRate() {
        gaps.step(3);
        for (long p = 1; p <= 11; p++) { // two nodes write (classes 1 and 2); class 0 is never used
            if (p % 3 != 0) {
                see(p, 0);
            }
        }
        for (long p = 13; p < 30_000; p += 3) { // then only the class-1 node, 10,000 events in one millisecond
            see(p, 1);
        }
        assertTrue(gaps.runs() <= FeedGaps.CLASS_WINDOW, "class 2 stopped counting after the window: " + gaps.runs());
    }

    @Test
    void aCommitLateByFiftySecondsIsStillFoundWhateverTheLoadMeanwhile() {
        gaps.step(3);
        see(1, 0);
        see(7, 0); // 4 commits late
        for (long p = 10; p <= 3 * 200_000; p += 3) { // 200,000 events through the node meanwhile
            see(p, p / 12);
        }
        gaps.forgetOlderThan(50_000, 60_000);
        assertTrue(gaps.tracks(4), "the late position is still asked for after 50 s");
        assertEquals(1, gaps.runs());
        gaps.forgetOlderThan(61_000, 60_000);
        assertFalse(gaps.tracks(4), "given up after the grace");
    }

    @Test
    void pastTheCapTheOldestRunIsGivenUp() {
        FeedGaps capped = new FeedGaps(3);
        long mark = 0;
        for (long p = 2; p <= 10; p += 2) { // 1, 3, 5, 7 and 9 skipped: five runs
            capped.passed(mark, p, p);
            mark = p;
        }
        assertEquals(3, capped.runs());
        assertFalse(capped.tracks(1) || capped.tracks(3));
        assertTrue(capped.tracks(5) && capped.tracks(9));
    }
}
