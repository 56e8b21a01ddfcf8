package dev.reel.launcher.studio;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** The JSON mapper of the studio client, and lenient readers for members of response documents. */
public final class Json {

    /** The mapper: records and maps to JSON, responses to trees. */
    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** A missing node, for absent documents. */
    public static final JsonNode MISSING = MissingNode.getInstance();

    private Json() {}

    /** Parses {@code text}; null if it is blank or not JSON. */
    public static @Nullable JsonNode parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** A string (or scalar, as text) member; null if absent or JSON null. */
    public static @Nullable String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull() || value.isContainer()) {
            return null;
        }
        return value.asString();
    }

    /** A numeric member, also accepted as a numeric string; null if absent or not a number. */
    public static @Nullable Long longValue(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (value.isNumber()) {
            return value.longValue();
        }
        if (value.isString()) {
            try {
                return Long.parseLong(value.stringValue().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A fractional member; null if absent or not a number. */
    public static @Nullable Double doubleValue(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isString()) {
            try {
                return Double.parseDouble(value.stringValue().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A UUID member; null if absent, JSON null or not a UUID. */
    public static @Nullable UUID uuid(JsonNode node, String name) {
        @Nullable String value = text(node, name);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Serialises {@code value} (a record, map or tree). */
    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }
}
