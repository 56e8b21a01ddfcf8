package dev.reel.launcher.studio;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An error response from Reel: an RFC 9457 problem document, or what could be made of a response that is not one.
 *
 * @param status the HTTP status
 * @param title the problem's title, or the reason phrase of the status if the body has none
 * @param detail the problem's detail, if any
 * @param body the whole problem document (members such as {@code offset} or {@code errors}), or a missing node
 */
public record Problem(int status, String title, @Nullable String detail, JsonNode body) {

    /**
     * Reads a problem from an error response.
     *
     * @param status the response status (at least 400)
     * @param body the parsed JSON body, or null if the body was empty or not JSON
     * @param rawBody the body as text, used as the detail when it is not a problem document (cut to 200 characters)
     */
    public static Problem of(int status, @Nullable JsonNode body, @Nullable String rawBody) {
        JsonNode document = body != null ? body : Json.MISSING;
        @Nullable String title = Json.text(document, "title");
        @Nullable String detail = Json.text(document, "detail");
        if (detail == null && body == null && rawBody != null && !rawBody.isBlank()) {
            String text = rawBody.strip();
            detail = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        }
        return new Problem(status, title != null ? title : reason(status), detail, document);
    }

    /**
     * The problem in words for the user: {@code title: detail}, the field errors of a validation problem after it
     * (one {@code field: message} each), and never a stack trace.
     */
    public String describe() {
        var text = new StringBuilder(title);
        if (detail != null && !detail.isBlank() && !detail.equals(title)) {
            text.append(": ").append(detail);
        }
        List<String> fieldErrors = new ArrayList<>();
        JsonNode errors = body.path("errors");
        if (errors.isArray()) {
            for (JsonNode error : errors) {
                @Nullable String field = Json.text(error, "field");
                @Nullable String message = Json.text(error, "message");
                if (message != null) {
                    fieldErrors.add(field != null ? field + ": " + message : message);
                }
            }
        }
        if (!fieldErrors.isEmpty()) {
            text.append(" (").append(String.join("; ", fieldErrors)).append(')');
        }
        return text.toString();
    }

    /** A numeric member of the problem document, such as the {@code offset} of an upload offset conflict. */
    public OptionalLong longMember(String name) {
        @Nullable Long value = Json.longValue(body, name);
        return value != null ? OptionalLong.of(value) : OptionalLong.empty();
    }

    /** Whether a retry may succeed: the gateway found no healthy instance (502, 503) or timed out (504). */
    public boolean isTransient() {
        return status == 502 || status == 503 || status == 504;
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "HTTP " + status;
        };
    }
}
