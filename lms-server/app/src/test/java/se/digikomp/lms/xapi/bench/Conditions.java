package se.digikomp.lms.xapi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The conditions a benchmark figure was measured under, printed beside it: the machine's load average when the
 * phase started and when it ended, the build (LRS_BENCH_BUILD, set by bin/bench-lrs from git), and the data the
 * database held (statements stored, bytes of rows and indexes in the schema). A figure from a loaded machine or
 * another build is then recognisable as such.
 */
record Conditions(double loadBefore, String jdbc, String user, String password, String schema) {

    static Conditions start(String jdbc, String user, String password, String schema) {
        return new Conditions(load(), jdbc, user, password, schema);
    }

    /** The line printed under a figure. */
    String end() {
        double after = load();
        String data;
        try (Connection c = DriverManager.getConnection(jdbc, user, password)) {
            data = String.format("%,d statements stored, %,.0f MB of rows and indexes", statements(c),
                    bytes(c) / 1e6);
        } catch (SQLException e) {
            data = "data size unknown (" + e.getMessage() + ")";
        }
        return String.format("  conditions: load average %.2f before, %.2f after (1 min, %d cores), build %s, %s",
                loadBefore, after, Runtime.getRuntime().availableProcessors(), build(), data);
    }

    static String build() {
        String b = System.getenv("LRS_BENCH_BUILD");
        return b == null || b.isBlank() ? "unknown (run through bin/bench-lrs)" : b;
    }

    /** The 1-minute load average (Linux), or -1 where /proc/loadavg does not exist. */
    static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long statements(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM xapi_statement")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long bytes(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(data_length + index_length), 0)"
                + " FROM information_schema.tables WHERE table_schema = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
