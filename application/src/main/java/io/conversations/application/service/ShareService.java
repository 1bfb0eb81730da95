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
import java.util.regex.Pattern;

/** One-time cids for picked chats, and the one message each lets the corp's backend post. */
public final class ShareService implements ShareToChat {
    private static final Pattern CID = Pattern.compile("cid[A-Za-z0-9_-]{22}");
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
        if (cid == null || !CID.matcher(cid).matches()) {
            return unknown(cid);
        }
        return transactions.inTransaction(() -> {
            Optional<PickedChats.Pick> pick = picks.findForUpdate(user.corp(), cid);
            if (pick.isEmpty() || !pick.get().picker().equals(user)
                    || pick.get().pickedAt() + CID_LIFETIME_MILLIS <= clock.millis()) {
                return unknown(cid);
            }
            return resolveChat.resolve(user, user.corp(), pick.get().chat());
        });
    }

    @Override
    public Outcome<Message> sendToPicked(CorpId corp, String cid, MessageContent content) {
        if (cid == null || !CID.matcher(cid).matches()) {
            return unknown(cid);
        }
        return transactions.inTransaction(() -> {
            Optional<PickedChats.Pick> pick = picks.findForUpdate(corp, cid);
            long now = clock.millis();
            if (pick.isEmpty() || pick.get().used() || pick.get().pickedAt() + CID_LIFETIME_MILLIS <= now) {
                return unknown(cid);
            }
            Outcome<Message> sent = sendMessage.send(pick.get().picker(), pick.get().chat(), content);
            if (sent instanceof Outcome.Done<Message>) {
                picks.markUsed(corp, cid, now);
            }
            return sent;
        });
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
