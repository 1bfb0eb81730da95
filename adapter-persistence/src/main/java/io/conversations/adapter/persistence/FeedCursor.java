package io.conversations.adapter.persistence;

import io.conversations.adapter.persistence.EventFeed.Missing;
import io.conversations.application.port.out.Transactions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The tail's place in one feed (the users' events, or the big chats' changes): the newest position it read and the
 * positions it skipped that a transaction may still commit ({@link FeedGaps}), asked for again for a while.
 */
final class FeedCursor<E> {
    /** Entries of a feed past {@code after}, plus any of {@code missing} now visible, by position. */
    interface Query<E> {
        List<E> after(long after, Collection<Missing> missing, int limit);
    }

    private final Query<E> query;
    private final ToLongFunction<E> position;
    private final FeedGaps gaps = new FeedGaps(FeedTail.MAX_GAP_RUNS);
    private long watermark;

    FeedCursor(Query<E> query, ToLongFunction<E> position) {
        this.query = query;
        this.position = position;
    }

    /** Starts after {@code position}. */
    void start(long position) {
        watermark = position;
    }

    FeedGaps gaps() {
        return gaps;
    }

    /**
     * What is new past the watermark (up to {@link FeedTail#FEED_BATCH}) and what of the gaps it asks for (all on a
     * sweep, else the recent ones) is now visible; the watermark and the gaps move past what was read. The first
     * number of the answer is how many entries the watermark's query read (a full batch: more is waiting).
     */
    Read<E> read(Transactions transactions, long now, boolean sweep) {
        List<Missing> asked = gaps.toAsk(now, sweep, FeedTail.RECENT_GAP_MILLIS, FeedTail.GAPS_PER_QUERY);
        long from = watermark;
        List<E> entries = new ArrayList<>(transactions.inTransaction(() -> query.after(from,
                asked.subList(0, Math.min(asked.size(), FeedTail.GAPS_PER_QUERY)), FeedTail.FEED_BATCH)));
        int read = entries.size();
        for (int i = FeedTail.GAPS_PER_QUERY; i < asked.size(); i += FeedTail.GAPS_PER_QUERY) {
            List<Missing> chunk = asked.subList(i, Math.min(asked.size(), i + FeedTail.GAPS_PER_QUERY));
            // Past Long.MAX_VALUE there is nothing: this asks for the chunk of positions only.
            entries.addAll(transactions.inTransaction(() -> query.after(Long.MAX_VALUE, chunk, FeedTail.FEED_BATCH)));
        }
        for (E entry : entries) {
            long at = position.applyAsLong(entry);
            if (at > watermark) {
                gaps.passed(watermark, at, now);
                watermark = at;
            } else {
                gaps.filled(at);
            }
        }
        return new Read<>(entries, read);
    }

    record Read<E>(List<E> entries, int pastWatermark) {}
}
