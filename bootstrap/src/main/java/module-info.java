/** Configuration and wiring: the only module that sees every other one. */
module io.conversations.bootstrap {
    requires io.conversations.application;
    requires io.conversations.adapter.http;
    requires io.conversations.adapter.persistence;
    requires org.slf4j;
    requires ch.qos.logback.classic;
    requires ch.qos.logback.core;
    requires jakarta.json;

    exports io.conversations.bootstrap;
    provides ch.qos.logback.classic.spi.Configurator with io.conversations.bootstrap.LogSetup;
}
