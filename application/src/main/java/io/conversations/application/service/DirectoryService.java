package io.conversations.application.service;

import io.conversations.application.port.in.ProvisionCorp;
import io.conversations.application.port.in.ProvisionUser;
import io.conversations.application.port.out.Chats;
import io.conversations.application.port.out.Clock;
import io.conversations.application.port.out.Conversations;
import io.conversations.application.port.out.Directory;
import io.conversations.application.port.out.Transactions;
import io.conversations.domain.common.Fields;
import io.conversations.domain.common.Outcome;
import io.conversations.domain.common.Problem;
import io.conversations.domain.conversation.ConversationId;
import io.conversations.domain.event.ConversationEvent.ConversationListUpdated;
import io.conversations.domain.identity.CorpId;
import io.conversations.domain.identity.UserId;
import io.conversations.domain.identity.UserRef;
import java.util.ArrayList;
import java.util.List;

/** Corps and their users, as the corp's backend provisions them with the admin key. */
public final class DirectoryService implements ProvisionCorp, ProvisionUser {
    private final Transactions transactions;
    private final Directory directory;
    private final Chats chats;
    private final Conversations conversations;
    private final EventRecorder events;
    private final Clock clock;

    public DirectoryService(Transactions transactions, Directory directory, Chats chats, Conversations conversations,
                            EventRecorder events, Clock clock) {
        this.transactions = transactions;
        this.directory = directory;
        this.chats = chats;
        this.conversations = conversations;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void put(CorpId corp, String name) {
        String checkedName = Fields.label("name", name);
        transactions.inTransaction(() -> {
            directory.putCorp(corp, checkedName, clock.millis());
            return null;
        });
    }

    /** A changed nick or avatar shows in the one-to-one peers' conversations with the user: each gets an event. */
    @Override
    public Outcome<UserRef> put(UserRef user, String nick, String avatarUrl) {
        String checkedNick = Fields.label("nick", nick);
        String checkedAvatar = Fields.optionalUrl("avatarUrl", avatarUrl);
        return transactions.inTransaction(() -> {
            if (!directory.corpExists(user.corp())) {
                return Outcome.rejected(Problem.NOT_FOUND, "no corp " + user.corp());
            }
            // The user and their one-to-one peers, in userId order: the peers' conversations show this profile.
            List<UserId> peers = chats.oneToOnePeers(user.corp(), user.user());
            List<UserId> locked = new ArrayList<>(peers);
            locked.add(user.user());
            directory.lockAll(user.corp(), locked);
            long now = clock.millis();
            if (directory.putUser(user, checkedNick, checkedAvatar, now)) {
                ConversationId shown = ConversationId.c2c(user.user());
                for (UserId peer : peers) {
                    UserRef ref = new UserRef(user.corp(), peer);
                    events.record(ref, List.of(new ConversationListUpdated(conversations.findAll(ref, List.of(shown)))),
                            now);
                }
            }
            return Outcome.done(user);
        });
    }
}
