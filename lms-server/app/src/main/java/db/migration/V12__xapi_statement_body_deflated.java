package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import se.digikomp.lms.xapi.control.StatementDocuments;

/**
 * Statements are stored deflated (see {@link StatementDocuments}) in {@code xapi_statement.body} instead of as JSON
 * text in {@code document}: a third of the size, so far more of a large LRS stays in the buffer pool. Rows already
 * stored are converted in chunks of 1,000 in seq order.
 */
public class V12__xapi_statement_body_deflated extends BaseJavaMigration {

    private static final int CHUNK = 1_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE xapi_statement ADD COLUMN body MEDIUMBLOB NULL");
        }
        long after = 0;
        while (true) {
            long last = after;
            try (PreparedStatement read = c.prepareStatement(
                    "SELECT seq, document FROM xapi_statement WHERE seq > ? ORDER BY seq LIMIT " + CHUNK);
                    PreparedStatement write = c.prepareStatement("UPDATE xapi_statement SET body = ? WHERE seq = ?")) {
                read.setLong(1, after);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getLong(1);
                        write.setBytes(1, StatementDocuments.pack(rs.getString(2)));
                        write.setLong(2, last);
                        write.addBatch();
                    }
                }
                write.executeBatch();
            }
            if (last == after) {
                break;
            }
            after = last;
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE xapi_statement DROP COLUMN document, MODIFY body MEDIUMBLOB NOT NULL");
        }
    }
}
