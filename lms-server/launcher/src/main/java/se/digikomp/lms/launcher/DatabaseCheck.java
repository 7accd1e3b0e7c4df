package se.digikomp.lms.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Connects once with plain JDBC, so an unreachable database is told in one line before the server boots. */
final class DatabaseCheck {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private DatabaseCheck() {
    }

    static void requireReachable(String url, String user, String password) throws StartupFailure {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_MILLIS));
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            if (!connection.isValid(CONNECT_TIMEOUT_MILLIS / 1000)) {
                throw unreachable(url, "the server did not answer a validity check");
            }
        } catch (SQLException e) {
            throw unreachable(url, reason(e));
        }
    }

    private static StartupFailure unreachable(String url, String reason) {
        return new StartupFailure(StartupFailure.DATABASE_UNREACHABLE,
                "cannot reach the database at " + withoutSecrets(url) + ": " + reason);
    }

    /** The innermost cause's message, on one line, with its type when that says more than the text. */
    static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().strip();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline).strip();
        }
        String type = root.getClass().getSimpleName();
        if (message.isEmpty()) {
            return type;
        }
        return root instanceof SQLException ? message : message + " (" + type + ")";
    }

    /** The URL as it may be shown: user info and password parameters removed. */
    static String withoutSecrets(String url) {
        return url.replaceAll("//[^/@]*@", "//")
                .replaceAll("(?i)([?&;](password|pwd)[0-9]*=)[^&;]*", "$1***");
    }
}
