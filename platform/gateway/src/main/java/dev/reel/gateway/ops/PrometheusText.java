package dev.reel.gateway.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A reader of the Prometheus text exposition format (version 0.0.4, as Micrometer's {@code /actuator/prometheus}
 * writes it): {@code name{label="value",...} value [timestamp]}, with {@code # HELP}, {@code # TYPE} and other
 * comment lines ignored. OpenMetrics exemplars ({@code ... # {...} value}) are tolerated and dropped.
 */
final class PrometheusText {

    private PrometheusText() {}

    /**
     * One sample line.
     *
     * @param name the metric name, including any {@code _count}, {@code _sum} or {@code _bucket} suffix
     * @param labels label names to values, unescaped, in the order written
     * @param value the value; {@code NaN} and the infinities are kept as such
     */
    record Sample(String name, Map<String, String> labels, double value) {

        Sample {
            labels = Map.copyOf(labels);
        }

        /** The label's value, or the empty string if the sample has no such label. */
        String label(String label) {
            return labels.getOrDefault(label, "");
        }
    }

    /**
     * Reads the samples whose metric name {@code wanted} accepts; other lines are skipped without being parsed.
     *
     * @throws IllegalArgumentException if a wanted line is malformed, naming its line number
     */
    static List<Sample> parse(String text, Predicate<String> wanted) {
        List<Sample> samples = new ArrayList<>();
        int lineNumber = 0;
        for (String line : text.lines().toList()) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.charAt(0) == '#') {
                continue;
            }
            int nameEnd = nameEnd(trimmed);
            String name = trimmed.substring(0, nameEnd);
            if (name.isEmpty()) {
                throw malformed(lineNumber, "no metric name");
            }
            if (!wanted.test(name)) {
                continue;
            }
            samples.add(sample(trimmed, name, nameEnd, lineNumber));
        }
        return samples;
    }

    private static Sample sample(String line, String name, int nameEnd, int lineNumber) {
        Map<String, String> labels = new LinkedHashMap<>();
        int position = nameEnd;
        if (position < line.length() && line.charAt(position) == '{') {
            position = labels(line, position + 1, labels, lineNumber);
        }
        String rest = line.substring(position).strip();
        int exemplar = rest.indexOf(" #");
        if (exemplar >= 0) {
            rest = rest.substring(0, exemplar).strip();
        }
        if (rest.isEmpty()) {
            throw malformed(lineNumber, "no value");
        }
        String[] fields = rest.split("\\s+");
        if (fields.length > 2) {
            throw malformed(lineNumber, "unexpected text after the value");
        }
        return new Sample(name, labels, value(fields[0], lineNumber));
    }

    /** Reads {@code name="value",...}} from {@code start}; returns the index after the closing brace. */
    private static int labels(String line, int start, Map<String, String> labels, int lineNumber) {
        int position = skipSpaces(line, start);
        while (position < line.length() && line.charAt(position) != '}') {
            int equals = line.indexOf('=', position);
            if (equals < 0) {
                throw malformed(lineNumber, "label without '='");
            }
            String label = line.substring(position, equals).strip();
            position = skipSpaces(line, equals + 1);
            if (label.isEmpty() || position >= line.length() || line.charAt(position) != '"') {
                throw malformed(lineNumber, "label value not quoted");
            }
            StringBuilder value = new StringBuilder();
            position++;
            while (true) {
                if (position >= line.length()) {
                    throw malformed(lineNumber, "unterminated label value");
                }
                char c = line.charAt(position++);
                if (c == '"') {
                    break;
                }
                if (c == '\\' && position < line.length()) {
                    char escaped = line.charAt(position++);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            labels.put(label, value.toString());
            position = skipSpaces(line, position);
            if (position < line.length() && line.charAt(position) == ',') {
                position = skipSpaces(line, position + 1);
            }
        }
        if (position >= line.length()) {
            throw malformed(lineNumber, "labels not closed");
        }
        return position + 1;
    }

    private static double value(String text, int lineNumber) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw malformed(lineNumber, "not a number: " + text);
                }
            }
        };
    }

    private static int nameEnd(String line) {
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '{' || Character.isWhitespace(c)) {
                break;
            }
            i++;
        }
        return i;
    }

    private static int skipSpaces(String line, int position) {
        int i = position;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static IllegalArgumentException malformed(int lineNumber, String problem) {
        return new IllegalArgumentException("Prometheus text, line " + lineNumber + ": " + problem);
    }
}
