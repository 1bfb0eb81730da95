package io.conversations.bootstrap;

import io.conversations.adapter.http.HttpApi;
import io.conversations.adapter.http.HttpSettings;
import io.conversations.adapter.http.JwtTokens;
import io.conversations.adapter.persistence.Store;
import io.conversations.adapter.persistence.StoreSettings;
import io.conversations.application.port.in.UseCases;
import io.conversations.application.port.out.Clock;
import io.conversations.application.service.ConversationService;
import io.conversations.application.service.EventService;
import io.conversations.application.service.GroupService;
import io.conversations.application.service.MessageService;
import io.conversations.application.service.ProvisioningService;

/** Every object of the running service, built with {@code new} in this one place. */
public final class Wiring implements AutoCloseable {
    private final Store store;
    private final HttpApi http;

    private Wiring(Store store, HttpApi http) {
        this.store = store;
        this.http = http;
    }

    /** Opens the store, wires the use cases and starts listening. */
    public static Wiring start(Config config) {
        StoreSettings storeSettings = config.dbUrl()
                .map(url -> StoreSettings.mariaDb(url, config.dbUser(), config.dbPassword()))
                .orElseGet(() -> StoreSettings.embedded(config.dataDir()));
        String adminKey = Secrets.configuredOrKept(config.adminKey(), config.dataDir(), "admin.key", "admin key");
        String tokenSecret = Secrets.configuredOrKept(config.tokenSecret(), config.dataDir(), "token.secret",
                "token secret");
        JwtTokens tokens = new JwtTokens(tokenSecret);

        Store store = Store.open(storeSettings);
        try {
            Clock clock = System::currentTimeMillis;
            GroupService groups = new GroupService(store.transactions(), store.conversationGroups(),
                    store.conversations(), store.eventLog(), clock, config.limits());
            ConversationService conversations = new ConversationService(store.transactions(), store.conversations(),
                    store.conversationGroups(), store.eventLog(), store.directory(), clock);
            EventService events = new EventService(store.transactions(), store.eventLog());
            MessageService messages = new MessageService(store.transactions(), store.chats(), store.messages(),
                    store.conversations(), store.directory(), store.eventLog(), clock);
            ProvisioningService provisioning = new ProvisioningService(store.transactions(), store.directory(),
                    store.chats(), store.conversations(), store.conversationGroups(), store.eventLog(), tokens,
                    store.health(), clock);
            UseCases useCases = new UseCases(groups, groups, groups, groups, groups, groups, conversations,
                    conversations, conversations, events, messages, messages, conversations, conversations, provisioning, provisioning, provisioning, provisioning, provisioning,
                    provisioning, provisioning);
            HttpApi http = HttpApi.create(useCases, new HttpSettings(adminKey, tokens)).start(config.host(), config.port());
            return new Wiring(store, http);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public int port() {
        return http.port();
    }

    public String storeDescription() {
        return store.description();
    }

    @Override
    public void close() {
        http.close();
        store.close();
    }
}
