package io.conversations.application.contract;

import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.Message;
import io.conversations.domain.chat.MessageContent;
import io.conversations.domain.chat.MessageType;
import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.conversation.ConversationChange;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.conversation.Marks;
import io.conversations.domain.conversation.RemindType;
import io.conversations.domain.event.ConversationEvent;
import io.conversations.domain.identity.GroupName;
import io.conversations.domain.identity.UserId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One example of every kind of event and of change, by its class: what the adapters' tests run through their
 * codecs and bodies. {@link #missing} names the kinds a sealed type permits that have no example here, so that a
 * new kind fails a test (SamplesTest), and then the adapters' tests, before it fails a request.
 */
public final class Samples {
    private Samples() {}

    /** A conversation with every field set, a last message included. */
    public static Conversation conversation() {
        Message last = new Message(7, new ChatId("sales"), new UserId("bob"),
                new MessageContent(MessageType.LINK, "see", List.of(), "https://example.com/a", "A"), 1_700_000_000_001L);
        return new Conversation(ConversationId.parse("GROUPsales"), new ChatId("sales"), "Sales 销售",
                List.of("https://example.com/s.png"), 3, 2, Optional.of(last), true,
                List.of(new GroupName("Suppliers"), new GroupName("需求研发")), "draft", "{\"x\":1}", false,
                1_700_000_000_001L, 1_700_000_000_002L, new Marks(List.of(1L, Marks.MAX_VALUE)),
                RemindType.ACCEPT_NOT_NOTIFY);
    }

    public static Map<Class<?>, ConversationEvent> events() {
        Map<Class<?>, ConversationEvent> samples = new LinkedHashMap<>();
        add(samples, new ConversationEvent.ConversationListUpdated(List.of(conversation())));
        add(samples, new ConversationEvent.GroupListUpdated(List.of(new GroupName("Suppliers"), new GroupName("需求研发"))));
        add(samples, new ConversationEvent.GroupRenamed(new GroupName("Old"), new GroupName("New")));
        add(samples, new ConversationEvent.InGroupUpdated(new GroupName("Suppliers"),
                List.of(ConversationId.parse("C2Cbob")), List.of(ConversationId.parse("GROUPsales"))));
        add(samples, new ConversationEvent.ConversationDeleted(List.of(ConversationId.parse("GROUPsales"))));
        return samples;
    }

    public static Map<Class<?>, ConversationChange> changes() {
        Map<Class<?>, ConversationChange> samples = new LinkedHashMap<>();
        add(samples, new ConversationChange.Pin(true));
        add(samples, new ConversationChange.Draft("hello"));
        add(samples, new ConversationChange.CustomData("{\"x\":1}"));
        add(samples, new ConversationChange.MarkRead());
        add(samples, new ConversationChange.Remind(RemindType.ACCEPT_NOT_NOTIFY));
        add(samples, new ConversationChange.ClearHistory());
        add(samples, new ConversationChange.Hide(true));
        return samples;
    }

    /** The kinds {@code sealed} permits that {@code samples} has no example of. */
    public static Set<String> missing(Class<?> sealed, Map<Class<?>, ?> samples) {
        return Arrays.stream(sealed.getPermittedSubclasses()).filter(kind -> !samples.containsKey(kind))
                .map(Class::getSimpleName).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static <T> void add(Map<Class<?>, T> samples, T sample) {
        samples.put(sample.getClass(), sample);
    }
}
