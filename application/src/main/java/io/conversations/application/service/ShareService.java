package io.conversations.application.service;

import io.conversations.application.port.in.ResolveChat;
import io.conversations.application.port.in.SendMessage;
import io.conversations.application.port.in.ShareToChat;
import io.conversations.application.port.out.Clock;
import io.conversations.application.port.out.PickedChats;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.chat.ChatId;
import io.conversations.domain.chat.Message;
import io.conversations.domain.chat.MessageContent;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.conversation.Conversation;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserRef;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/** One-time cids for picked chats, and the one message each lets the corp's backend post. */
public final class ShareService implements ShareToChat {
    private final Transactions transactions;
    private final PickedChats picks;
    private final ResolveChat resolveChat;
    private final SendMessage sendMessage;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ShareService(Transactions transactions, PickedChats picks, ResolveChat resolveChat,
                        SendMessage sendMessage, Clock clock) {
        this.transactions = transactions;
        this.picks = picks;
        this.resolveChat = resolveChat;
        this.sendMessage = sendMessage;
        this.clock = clock;
    }

    @Override
    public Outcome<Picked> pick(UserRef user, CorpId corp, ChatId chat) {
        return transactions.inTransaction(() -> resolveChat.resolve(user, corp, chat).map(conversation -> {
            String cid = newCid();
            picks.record(cid, user, chat, clock.millis());
            return new Picked(cid, conversation);
        }));
    }

    @Override
    public Outcome<Conversation> picked(UserRef user, String cid) {
        if (!ShareToChat.looksLikeCid(cid)) {
            return unknown(cid);
        }
        return transactions.inTransaction(() -> {
            Optional<PickedChats.Pick> pick = live(user.corp(), cid, clock.millis());
            if (pick.isEmpty() || !pick.get().picker().equals(user)) {
                return unknown(cid);
            }
            return resolveChat.resolve(user, user.corp(), pick.get().chat());
        });
    }

    @Override
    public Outcome<Message> sendToPicked(CorpId corp, String cid, MessageContent content) {
        if (!ShareToChat.looksLikeCid(cid)) {
            return unknown(cid);
        }
        return transactions.inTransaction(() -> {
            long now = clock.millis();
            Optional<PickedChats.Pick> pick = live(corp, cid, now);
            if (pick.isEmpty() || pick.get().used()) {
                return unknown(cid);
            }
            Outcome<Message> sent = sendMessage.send(pick.get().picker(), pick.get().chat(), content);
            if (sent instanceof Outcome.Done<Message>) {
                picks.markUsed(corp, cid, now);
            }
            return sent;
        });
    }

    /** The pick under {@code cid}, held for this transaction, unless it is past its lifetime. */
    private Optional<PickedChats.Pick> live(CorpId corp, String cid, long now) {
        return picks.findForUpdate(corp, cid).filter(p -> p.pickedAt() + CID_LIFETIME_MILLIS > now);
    }

    /** Forgets the picks whose cids can no longer be used. */
    public long pruneExpired() {
        // A cid picked at or before now - lifetime can no longer be used (see sendToPicked).
        return transactions.inTransaction(() -> picks.pruneBefore(clock.millis() - CID_LIFETIME_MILLIS + 1));
    }

    private String newCid() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "cid" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static <T> Outcome<T> unknown(String cid) {
        return Outcome.rejected(Problem.NOT_FOUND, "no usable picked chat " + cid
                + " (a cid is used once, within a day of the pick)");
    }
}
