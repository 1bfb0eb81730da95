package io.conversations.adapter.http;

import io.javalin.json.JsonMapper;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.lang.reflect.Type;

/** Javalin's JSON, done by JSON-B (Yasson): null properties are written, as the contract shows them. */
final class JsonbMapper implements JsonMapper {
    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

    @Override
    public String toJsonString(Object obj, Type type) {
        return jsonb.toJson(obj, type);
    }

    @Override
    public <T> T fromJsonString(String json, Type targetType) {
        return jsonb.fromJson(json, targetType);
    }

    String write(Object obj) {
        return jsonb.toJson(obj);
    }
}
