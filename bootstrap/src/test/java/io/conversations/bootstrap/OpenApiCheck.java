package io.conversations.bootstrap;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every answer the end-to-end tests receive, checked against {@code openapi.json} (the one the service serves):
 * its route and method must be described, its status listed, and a JSON body must match that status's schema.
 * An answer the description does not foresee fails the test that received it, so the two cannot drift apart.
 */
final class OpenApiCheck {
    private static final String RESOURCE = "openapi.json";
    private static final JsonNode SPEC = load();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();
    private static final List<String[]> TEMPLATES = templates();

    private OpenApiCheck() {}

    static void check(String method, String rawPath, int status, String contentType, String body) {
        String path = rawPath.contains("?") ? rawPath.substring(0, rawPath.indexOf('?')) : rawPath;
        String template = template(path);
        if (template == null) {
            return; // not a route of the API (static files, or a path no route has: answered 404 as any)
        }
        JsonNode item = SPEC.get("paths").get(template);
        String verb = method.toLowerCase(Locale.ROOT);
        JsonNode operation = item.get(verb);
        if (operation == null) {
            if (status != 405 && !(verb.equals("options") && status == 204)) {
                throw new AssertionError(method + " " + template + " is not described, yet answered " + status);
            }
            return;
        }
        JsonNode response = operation.get("responses").get(Integer.toString(status));
        if (response == null) {
            throw new AssertionError("openapi.json lists no " + status + " for " + method + " " + template
                    + " (the service answered " + status + ": " + abbreviated(body) + ")");
        }
        if (!response.has("content") || contentType == null || !contentType.startsWith("application/json")) {
            return;
        }
        if (!response.get("content").has("application/json")) {
            throw new AssertionError(method + " " + template + " " + status + " answered JSON where none is described");
        }
        String pointer = "/paths/" + escape(template) + "/" + verb + "/responses/" + status
                + "/content/application~1json/schema";
        Schema schema = CACHE.computeIfAbsent(pointer,
                p -> SCHEMAS.getSchema(SchemaLocation.of("classpath:" + RESOURCE + "#" + p)));
        var errors = schema.validate(body, InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new AssertionError("the answer to " + method + " " + rawPath + " (" + status + ") does not match "
                    + "openapi.json: " + errors + "\n" + abbreviated(body));
        }
    }

    /** The described path a request's path falls under; the one with most literal segments wins. */
    private static String template(String path) {
        String[] segments = path.split("/", -1);
        String best = null;
        int bestLiterals = -1;
        for (String[] template : TEMPLATES) {
            if (template.length - 1 != segments.length) {
                continue;
            }
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < segments.length && matches; i++) {
                String t = template[i + 1];
                if (t.startsWith("{")) {
                    matches = !segments[i].isEmpty();
                } else {
                    matches = t.equals(segments[i]);
                    literals++;
                }
            }
            if (matches && literals > bestLiterals) {
                best = template[0];
                bestLiterals = literals;
            }
        }
        return best;
    }

    private static List<String[]> templates() {
        List<String[]> out = new ArrayList<>();
        for (Iterator<String> names = SPEC.get("paths").propertyNames().iterator(); names.hasNext(); ) {
            String name = names.next();
            String[] parts = name.split("/", -1);
            String[] entry = new String[parts.length + 1];
            entry[0] = name;
            System.arraycopy(parts, 0, entry, 1, parts.length);
            out.add(entry);
        }
        return out;
    }

    private static String escape(String template) {
        return template.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviated(String text) {
        return text == null ? "" : text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private static JsonNode load() {
        try (InputStream in = OpenApiCheck.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
