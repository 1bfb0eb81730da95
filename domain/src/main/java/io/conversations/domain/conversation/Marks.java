package io.conversations.domain.conversation;

import io.conversations.domain.common.InvalidInput;
import io.conversations.domain.common.Problem;
import java.util.List;
import java.util.TreeSet;

/**
 * The marks a user set on a conversation, ascending: Tencent's {@code CONV_MARK_TYPE_*} (1 star, 2 unread, 3 fold,
 * 4 hide) or any other positive integer a client uses as its own mark, up to 2^53 − 1 (what a JavaScript number
 * holds exactly); at most {@link #MAX} a conversation.
 */
public record Marks(List<Long> values) {
    public static final int MAX = 32;
    public static final long MAX_VALUE = (1L << 53) - 1;
    public static final Marks NONE = new Marks(List.of());

    public Marks {
        TreeSet<Long> sorted = new TreeSet<>(values);
        sorted.forEach(Marks::check);
        if (sorted.size() > MAX) {
            throw new IllegalArgumentException("at most " + MAX + " marks a conversation");
        }
        values = List.copyOf(sorted);
    }

    /** A mark's value as a client gives it: 1..2^53 − 1, else {@link Problem#MALFORMED}. */
    public static long check(long mark) {
        if (mark < 1 || mark > MAX_VALUE) {
            throw new InvalidInput(Problem.MALFORMED, "markType must be an integer 1.." + MAX_VALUE);
        }
        return mark;
    }

    public boolean has(long mark) {
        return values.contains(mark);
    }

    /** There is room for one more mark. */
    public boolean full() {
        return values.size() >= MAX;
    }

    public Marks with(long mark) {
        TreeSet<Long> next = new TreeSet<>(values);
        next.add(mark);
        return new Marks(List.copyOf(next));
    }

    public Marks without(long mark) {
        TreeSet<Long> next = new TreeSet<>(values);
        next.remove(mark);
        return new Marks(List.copyOf(next));
    }
}
