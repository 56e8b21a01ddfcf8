package dev.reel.launcher;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The per-instance table printed by {@code reel up} and {@code reel status}. */
final class StatusTable {

    /**
     * One line of the table.
     *
     * @param service service (or infrastructure) name
     * @param instance instance index, or "-"
     * @param zone zone id, or "-"
     * @param port port
     * @param pid process id, or "-"
     * @param health health label
     */
    record Row(String service, String instance, String zone, int port, String pid, String health) {}

    private static final List<String> HEADER = List.of("SERVICE", "INSTANCE", "ZONE", "PORT", "PID", "HEALTH");

    private StatusTable() {}

    /** Prints {@code rows} under a header, columns padded to their widest cell. */
    static void print(PrintWriter out, List<Row> rows) {
        var cells = new ArrayList<List<String>>();
        cells.add(HEADER);
        for (Row row : rows) {
            cells.add(List.of(
                    row.service(), row.instance(), row.zone(), String.valueOf(row.port()), row.pid(), row.health()));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        for (List<String> line : cells) {
            var text = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                text.append(
                        i == widths.length - 1
                                ? line.get(i)
                                : String.format("%-" + (widths[i] + 2) + "s", line.get(i)));
            }
            out.println(text.toString().stripTrailing());
        }
        out.flush();
    }
}
