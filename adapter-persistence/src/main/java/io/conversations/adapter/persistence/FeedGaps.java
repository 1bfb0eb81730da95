package io.conversations.adapter.persistence;

import io.conversations.adapter.persistence.EventFeed.Missing;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The feed positions the tail has not seen but a transaction may still commit: {@link FeedTail}'s memory of the
 * gaps behind its watermark. Positions come from an auto-increment, which a Galera cluster steps by its size (each
 * node hands out one residue class: with three nodes, positions 1, 4, 7, ... through one node); the positions of
 * the other classes are never used and are not gaps. So a gap is counted only in a residue class the feed
 * recently used, and is kept as a run (first, first + step, ..., last): a rolled-back transaction of a thousand
 * events is one run, asked for with one range, and the number of runs, not of positions, is what is capped.
 */
final class FeedGaps {
    /**
     * A residue class counts as in use while one of the last this many positions seen was of it: with several nodes
     * writing, each of their classes; after a node stops writing (it failed, or the writes moved on), its class
     * stops making gaps within this many events, whatever the rate.
     */
    static final int CLASS_WINDOW = 64;

    private record Run(long id, long first, long last, long stride, long missedAt) {
        Missing missing() {
            return new Missing(first, last, stride);
        }

        Residue residue() {
            return new Residue(stride, Math.floorMod(first, stride));
        }

        long positions() {
            return (last - first) / stride + 1;
        }
    }

    private record Residue(long stride, long residue) {}

    private final int maxRuns;
    private long step = 1;
    /** The residue classes (mod the current step) of the last CLASS_WINDOW positions seen, and how often each. */
    private final ArrayDeque<Long> lastClasses = new ArrayDeque<>();
    private final Map<Long, Integer> classesSeen = new HashMap<>();
    /** Runs by residue class, then by first position: where a late position is looked up. */
    private final Map<Residue, TreeMap<Long, Run>> byClass = new HashMap<>();
    /** Runs in the order they were made (about their age): what is given up first. */
    private final TreeMap<Long, Run> byAge = new TreeMap<>();
    private long nextId;
    private long positions;

    FeedGaps(int maxRuns) {
        this.maxRuns = maxRuns;
    }

    /** The feed's current auto-increment step (1 on one server; a Galera cluster's size). */
    void step(long newStep) {
        if (newStep < 1) {
            throw new IllegalArgumentException("the position step must be positive: " + newStep);
        }
        if (newStep != step) {
            step = newStep;
            lastClasses.clear(); // the nodes' classes are handed out again when a cluster changes size
            classesSeen.clear();
        }
    }

    long step() {
        return step;
    }

    /**
     * The tail saw {@code position} past its watermark {@code watermark}: the positions between them in a class in
     * use become gaps.
     */
    void passed(long watermark, long position, long now) {
        long seenClass = Math.floorMod(position, step);
        lastClasses.addLast(seenClass);
        classesSeen.merge(seenClass, 1, Integer::sum);
        if (lastClasses.size() > CLASS_WINDOW) {
            classesSeen.computeIfPresent(lastClasses.removeFirst(), (k, n) -> n == 1 ? null : n - 1);
        }
        long from = watermark + 1;
        for (long residue : classesSeen.keySet()) {
            long first = from + Math.floorMod(residue - from, step);
            long last = position - 1 - Math.floorMod(position - 1 - residue, step);
            if (first <= last) {
                add(first, last, step, now);
            }
        }
    }

    /** The tail saw {@code position} behind its watermark: no longer a gap (if it was one). */
    void filled(long position) {
        runHolding(position).ifPresent(run -> {
            remove(run);
            if (run.first() <= position - run.stride()) {
                add(run.first(), position - run.stride(), run.stride(), run.missedAt());
            }
            if (position + run.stride() <= run.last()) {
                add(position + run.stride(), run.last(), run.stride(), run.missedAt());
            }
        });
    }

    /**
     * The run that holds {@code position}. There is at most one: runs are made only of positions past the watermark
     * (never in a run before), one per residue class, and splitting a run leaves the rest of its own positions.
     */
    private Optional<Run> runHolding(long position) {
        for (Map.Entry<Residue, TreeMap<Long, Run>> entry : byClass.entrySet()) {
            if (Math.floorMod(position, entry.getKey().stride()) != entry.getKey().residue()) {
                continue;
            }
            Map.Entry<Long, Run> floor = entry.getValue().floorEntry(position);
            if (floor != null && floor.getValue().last() >= position) {
                return Optional.of(floor.getValue());
            }
        }
        return Optional.empty();
    }

    /** Every run, or (between sweeps) those first missed within {@code recentMillis}, newest first, at most {@code max}. */
    List<Missing> toAsk(long now, boolean all, long recentMillis, int max) {
        List<Missing> asked = new ArrayList<>();
        int looked = 0;
        for (Run run : byAge.descendingMap().values()) {
            if (all) {
                asked.add(run.missing());
                continue;
            }
            // Newest first; a run split later sits among newer ones, so a few older ones are looked past.
            if (now - run.missedAt() <= recentMillis) {
                asked.add(run.missing());
            }
            if (asked.size() >= max || ++looked >= 4 * max) {
                break;
            }
        }
        return asked;
    }

    /** Gives up the runs first missed longer ago than {@code graceMillis}. */
    void forgetOlderThan(long now, long graceMillis) {
        List<Run> old = new ArrayList<>();
        for (Run run : byAge.values()) {
            if (now - run.missedAt() > graceMillis) {
                old.add(run);
            }
        }
        old.forEach(this::remove);
    }

    int runs() {
        return byAge.size();
    }

    /** Positions tracked, over all runs. */
    long positions() {
        return positions;
    }

    private void add(long first, long last, long stride, long missedAt) {
        if (byAge.size() >= maxRuns) {
            remove(byAge.firstEntry().getValue());
        }
        Run run = new Run(nextId++, first, last, first == last ? 1 : stride, missedAt);
        byClass.computeIfAbsent(run.residue(), k -> new TreeMap<>()).put(first, run);
        byAge.put(run.id(), run);
        positions += run.positions();
    }

    private void remove(Run run) {
        Residue key = run.residue();
        TreeMap<Long, Run> runs = byClass.get(key);
        if (runs != null && runs.remove(run.first(), run)) {
            if (runs.isEmpty()) {
                byClass.remove(key);
            }
            byAge.remove(run.id());
            positions -= run.positions();
        }
    }

    /** For tests: whether {@code position} is tracked as a gap. */
    boolean tracks(long position) {
        return runHolding(position).isPresent();
    }
}
