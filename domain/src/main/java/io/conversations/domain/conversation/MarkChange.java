package io.conversations.domain.conversation;

import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.common.Rejection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Setting or clearing one mark on several of a user's conversations at once (Tencent's {@code markConversation}).
 * Setting a mark that is set, or clearing one that is not, is a success that changes nothing.
 */
public record MarkChange(long markType, boolean enable) {
    /** Ids a call may carry, as for groups (51006). */
    public static final int MAX_IDS = 100;

    public MarkChange {
        Marks.check(markType);
    }

    /** What a batch did: the ids that succeeded, those that failed and why, and the marks of those that changed. */
    public record Result(List<String> succeeded, List<Failure> failed, Map<ConversationId, Marks> changed) {
        public Result {
            succeeded = List.copyOf(succeeded);
            failed = List.copyOf(failed);
            changed = Map.copyOf(changed);
        }
    }

    /**
     * Decides the batch against the marks of the user's conversations among the ids ({@code current}: an id the user
     * has no conversation for is not in it and fails with 40401, as for groups); a conversation that has
     * {@link Marks#MAX} marks takes no other (40903, per id).
     */
    public Outcome<Result> apply(List<String> ids, Map<ConversationId, Marks> current) {
        Optional<Rejection> tooMany = new BatchRules.IdsPerCall(MAX_IDS).mayTake(ids, true);
        if (tooMany.isPresent()) {
            return Outcome.rejected(tooMany.get());
        }
        BatchRules.MemberOnly memberOnly = new BatchRules.MemberOnly();
        List<String> succeeded = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        Map<ConversationId, Marks> changed = new LinkedHashMap<>();
        for (String raw : new LinkedHashSet<>(ids)) {
            ConversationId id = ConversationId.tryParse(raw).orElse(null);
            Optional<Rejection> notTheirs = memberOnly.mayTouch(raw, id, current.keySet());
            if (notTheirs.isPresent()) {
                failed.add(new Failure(raw, notTheirs.get().problem(), notTheirs.get().message()));
                continue;
            }
            Marks marks = current.get(id);
            if (enable == marks.has(markType)) {
                succeeded.add(raw);
            } else if (enable && marks.full()) {
                failed.add(new Failure(raw, Problem.MARK_LIMIT,
                        "conversation " + raw + " already has the maximum of " + Marks.MAX + " marks"));
            } else {
                succeeded.add(raw);
                changed.put(id, enable ? marks.with(markType) : marks.without(markType));
            }
        }
        return Outcome.done(new Result(succeeded, failed, changed));
    }
}
