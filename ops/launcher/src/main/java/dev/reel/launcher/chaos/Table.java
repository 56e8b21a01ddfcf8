package dev.reel.launcher.chaos;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A text table whose columns are padded to their widest cell; the last column is not padded. */
final class Table {

    private final List<List<String>> rows = new ArrayList<>();

    Table(String... header) {
        rows.add(List.of(header));
    }

    /**
     * Adds a row.
     *
     * @throws IllegalArgumentException if it has not as many cells as the header
     */
    Table row(String... cells) {
        if (cells.length != rows.getFirst().size()) {
            throw new IllegalArgumentException("expected " + rows.getFirst().size() + " cells");
        }
        rows.add(List.of(cells));
        return this;
    }

    /** Whether only the header is there. */
    boolean isEmpty() {
        return rows.size() == 1;
    }

    /** The table's lines, each prefixed with {@code indent}. */
    List<String> lines(String indent) {
        int columns = rows.getFirst().size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        var lines = new ArrayList<String>();
        for (List<String> row : rows) {
            var text = new StringBuilder(indent);
            for (int i = 0; i < columns; i++) {
                text.append(i == columns - 1 ? row.get(i) : String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
            }
            lines.add(text.toString().stripTrailing());
        }
        return lines;
    }

    /** Prints the table. */
    void print(PrintWriter out, String indent) {
        lines(indent).forEach(out::println);
        out.flush();
    }
}
