package io.conversations.adapter.http;

import io.conversations.domain.common.InvalidInput;
import io.conversations.domain.common.Problem;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonConfig;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request body read as a JSON object, field by field with the types the contract gives them.
 * Anything else is {@code 40001} with a message that names the field.
 */
final class JsonBody {
    /**
     * Looked up once ({@code Json.create...} looks the provider up, a service-loader scan, on every call). The
     * reader refuses a key that comes twice in one object (before, the last one silently won); Parsson's parser
     * ignores that setting but says where the object ended, which the reader does not.
     */
    private static final JsonReaderFactory READER = JsonProvider.provider().createReaderFactory(
            Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));
    private static final JsonParserFactory PARSER = JsonProvider.provider().createParserFactory(Map.of());

    private final JsonObject json;

    private JsonBody(JsonObject json) {
        this.json = json;
    }

    /** The body as one JSON object and nothing after it but white space. */
    static JsonBody parse(String text) {
        if (text == null || text.isBlank()) {
            throw malformed("the body must be a JSON object");
        }
        try (JsonReader reader = READER.createReader(new StringReader(text));
                JsonParser parser = PARSER.createParser(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw malformed("the body must be a JSON object");
            }
            // The reader stops after the object and says nothing of what follows: the parser finds where it ended.
            parser.next();
            parser.skipObject();
            long end = parser.getLocation().getStreamOffset();
            if (end < 0 || end > text.length() || !text.substring((int) end).isBlank()) {
                throw malformed("the body must be one JSON object: there is more after it");
            }
            return new JsonBody(value.asJsonObject());
        } catch (jakarta.json.JsonException e) {
            throw malformed("the body is not valid JSON: " + e.getMessage());
        } catch (java.util.NoSuchElementException | IllegalStateException e) {
            throw malformed("the body must be a JSON object");
        } catch (InvalidInput e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // The parser's other refusals (nesting too deep, a number too large) are bad input as well.
            throw malformed("the body is not JSON this service reads: nested too deep or too large");
        }
    }

    String requiredString(String field) {
        return optionalString(field).orElseThrow(() -> malformed(field + " is required and must be a string"));
    }

    Optional<String> optionalString(String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        throw malformed(field + " must be a string");
    }

    /** A nested object; absent or null is empty. */
    Optional<JsonBody> optionalObject(String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonObject object) {
            return Optional.of(new JsonBody(object));
        }
        throw malformed(field + " must be an object");
    }

    boolean requiredBoolean(String field) {
        JsonValue value = json.get(field);
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        throw malformed(field + " is required and must be true or false");
    }

    long requiredLong(String field) {
        return optionalLong(field).orElseThrow(() -> malformed(field + " is required and must be an integer"));
    }

    Optional<Long> optionalLong(String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonNumber n && n.isIntegral()) {
            try {
                return Optional.of(n.longValueExact());
            } catch (ArithmeticException e) {
                throw malformed(field + " is out of range");
            }
        }
        throw malformed(field + " must be an integer");
    }

    /** A list of strings; absent or null is empty unless {@code required}. */
    List<String> stringList(String field, boolean required) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                throw malformed(field + " is required and must be an array of strings");
            }
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw malformed(field + " must be an array of strings");
        }
        List<String> out = new ArrayList<>(array.size());
        for (JsonValue item : array) {
            if (!(item instanceof JsonString s)) {
                throw malformed(field + " must be an array of strings");
            }
            out.add(s.getString());
        }
        return out;
    }

    static InvalidInput malformed(String message) {
        return new InvalidInput(Problem.MALFORMED, message);
    }
}
