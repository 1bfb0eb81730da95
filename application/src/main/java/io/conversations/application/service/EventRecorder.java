package io.conversations.application.service;

import io.conversations.application.port.out.Conversations;
import io.conversations.application.port.out.EventLog;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.event.ConversationEvent.ConversationListUpdated;
import io.conversations.domain.event.ConversationEvent;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How every use case records what happened: the users' events appended to their logs, and each conversation a
 * {@code CONVERSATION_LIST_UPDATED} event lists stamped with that event's number, which is what keeps a list
 * page's cursor from listing it twice. Called inside the transaction of the change the events report.
 */
public final class EventRecorder {
    private final EventLog log;
    private final Conversations conversations;

    public EventRecorder(EventLog log, Conversations conversations) {
        this.log = log;
        this.conversations = conversations;
    }

    /** Records one user's events. */
    public void record(UserRef user, List<ConversationEvent> events, long now) {
        recordAll(Map.of(user, events), now);
    }

    /** Records several users' events (a message reaches every member) with one append. */
    public void recordAll(Map<UserRef, List<ConversationEvent>> events, long now) {
        Map<UserRef, Long> first = log.appendAll(events, now);
        stampListed(events, first);
    }

    /**
     * Records users' events of what their big chats changed, without the list cursor's stamp: such a change only
     * ever moves a conversation up the list (its chat's activity grows), so a cursor taken before it cannot list it
     * again below, and the client has it from this event.
     */
    public void recordChatChanges(Map<UserRef, List<ConversationEvent>> events, long now) {
        log.appendAll(events, now);
    }

    private void stampListed(Map<UserRef, List<ConversationEvent>> events, Map<UserRef, Long> first) {
        // Per chat, each listed member's newest sequence number that listed their conversation of it (in practice an
        // append lists the conversations of one chat: one stamp).
        Map<ChatOf, Map<UserId, Long>> listed = new LinkedHashMap<>();
        events.forEach((user, list) -> {
            long seq = first.getOrDefault(user, 0L);
            for (ConversationEvent event : list) {
                if (event instanceof ConversationListUpdated updated) {
                    for (Conversation conversation : updated.conversations()) {
                        listed.computeIfAbsent(new ChatOf(user.corp(), conversation.chatId()), k -> new LinkedHashMap<>())
                                .put(user.user(), seq);
                    }
                }
                seq++;
            }
        });
        listed.forEach((chat, seqs) -> conversations.markListed(chat.corp(), chat.chat(), seqs));
    }

    private record ChatOf(CorpId corp, ChatId chat) {}
}
