package io.conversations.bootstrap;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringWriter;
import java.util.Map;
import org.slf4j.event.KeyValuePair;

/**
 * {@code CONVERSATIONS_LOG_FORMAT=json}: one JSON object a line, written with JSON-P (Parsson) as all JSON of the
 * service is. {@code timestamp} in ISO-8601 (UTC), {@code level}, {@code thread}, {@code logger},
 * {@code message}, the request's id ({@code requestId}) and the event's key-value pairs as fields of their own:
 * the access log's {@code status}, {@code method}, {@code path}, {@code durationMs}, {@code caller} and
 * {@code errorCode}, so that a log pipeline filters on them without parsing the message. A stack trace is one
 * string, {@code exception}. (Logback's own JsonEncoder writes epoch milliseconds and the pairs as a list of
 * one-key objects; logstash-logback-encoder would bring Jackson, which this build keeps out.)
 */
final class JsonLines extends LayoutBase<ILoggingEvent> {
    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

    @Override
    public String doLayout(ILoggingEvent event) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject()
                    .write("timestamp", event.getInstant().toString())
                    .write("level", event.getLevel().toString())
                    .write("thread", String.valueOf(event.getThreadName()))
                    .write("logger", event.getLoggerName())
                    .write("message", event.getFormattedMessage());
            event.getMDCPropertyMap().forEach(json::write);
            if (event.getKeyValuePairs() != null) {
                for (KeyValuePair pair : event.getKeyValuePairs()) {
                    if (pair.value instanceof Integer || pair.value instanceof Long) {
                        json.write(pair.key, ((Number) pair.value).longValue());
                    } else {
                        json.write(pair.key, String.valueOf(pair.value));
                    }
                }
            }
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                json.write("exception", ThrowableProxyUtil.asString(thrown));
            }
            json.writeEnd();
        }
        return out.append('\n').toString();
    }
}
