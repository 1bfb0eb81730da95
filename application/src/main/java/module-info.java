/** Use cases and the ports they need; the services that implement them are for bootstrap to wire. */
module io.conversations.application {
    requires transitive io.conversations.domain;

    exports io.conversations.application.port.in;
    exports io.conversations.application.model;
    exports io.conversations.application.port.out;
    exports io.conversations.application.service to io.conversations.bootstrap;
}
