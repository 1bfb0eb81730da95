/** The HTTP API: Javalin routes, JSON-B (Yasson) bodies, JWT and admin-key authentication. */
module io.conversations.adapter.http {
    requires transitive io.conversations.application;
    requires io.javalin;
    requires jakarta.json.bind;
    requires jakarta.json;
    requires com.nimbusds.jose.jwt;
    requires org.slf4j;
    requires io.github.bucket4j.core;
    requires micrometer.core;
    requires micrometer.registry.prometheus;

    exports io.conversations.adapter.http;
    opens io.conversations.adapter.http.dto to org.eclipse.yasson;
}
