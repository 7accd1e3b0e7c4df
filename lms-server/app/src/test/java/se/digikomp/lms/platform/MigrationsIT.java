package se.digikomp.lms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.LmsServer;
import se.digikomp.lms.testing.TestDatabase;

/** The Flyway scripts against the real database (embedded MariaDB, or LMS_TEST_DB_URL). */
@ExtendWith(LmsServer.class)
class MigrationsIT {

    private final TestDatabase.Instance database = TestDatabase.shared();

    private MysqlDataSource dataSource(String schema) {
        MysqlDataSource dataSource = new MysqlDataSource();
        dataSource.setURL(database.jdbcUrl(schema));
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        return dataSource;
    }

    private static Set<String> tables(Connection connection) throws SQLException {
        Set<String> tables = new HashSet<>();
        try (ResultSet rows = connection.getMetaData().getTables(connection.getCatalog(), null, "%",
                new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME").toLowerCase());
            }
        }
        return tables;
    }

    @Test
    void applyToAnEmptySchemaAndAreIdempotent() throws Exception {
        String schema = database.newSchema("lms_migrations");
        MysqlDataSource dataSource = dataSource(schema);

        int first = Migrations.apply(dataSource, getClass().getClassLoader());
        assertTrue(first >= 1, "applied " + first);
        try (Connection connection = dataSource.getConnection()) {
            assertTrue(tables(connection).containsAll(Set.of("organisation", "unit", "person", "account",
                    "account_role", "lrs_client", "flyway_schema_history")), tables(connection).toString());
        }
        assertEquals(0, Migrations.apply(dataSource, getClass().getClassLoader()));
    }

    @Test
    void tablesAreInnoDbWithUtf8mb4() throws Exception {
        String schema = database.newSchema("lms_charset");
        MysqlDataSource dataSource = dataSource(schema);
        Migrations.apply(dataSource, getClass().getClassLoader());
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT table_name, engine, table_collation FROM information_schema.tables"
                     + " WHERE table_schema = DATABASE() AND table_name <> 'flyway_schema_history'")) {
            int count = 0;
            while (rows.next()) {
                count++;
                assertEquals("InnoDB", rows.getString(2), rows.getString(1));
                assertTrue(rows.getString(3).startsWith("utf8mb4_"), rows.getString(1) + " " + rows.getString(3));
            }
            assertTrue(count >= 6);
        }
    }

    @Test
    void lrsClientHasTheAgreedColumns() throws Exception {
        String schema = database.newSchema("lms_lrs_client");
        MysqlDataSource dataSource = dataSource(schema);
        Migrations.apply(dataSource, getClass().getClassLoader());
        Set<String> columns = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.getMetaData().getColumns(connection.getCatalog(), null, "lrs_client", "%")) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME"));
            }
        }
        assertEquals(Set.of("id", "organisation_id", "client_key", "secret_salt", "secret_hash", "scopes", "label",
                "active", "created_at"), columns);
    }

    @Test
    void statementsStoredAsTextBeforeV12AreDeflatedAndReadTheSame() throws Exception {
        String schema = database.newSchema("lms_v12");
        MysqlDataSource dataSource = dataSource(schema);
        org.flywaydb.core.Flyway.configure(getClass().getClassLoader()).dataSource(dataSource)
                .locations(Migrations.LOCATION).target("11").load().migrate();
        java.util.List<String> documents = new java.util.ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO organisation (id, slug, name) VALUES (1, 'v12', 'Kommun')");
            for (int i = 0; i < 2_345; i++) {
                String id = java.util.UUID.randomUUID().toString();
                String json = "{\"id\":\"" + id + "\",\"actor\":{\"mbox\":\"mailto:a" + i + "@example.se\"},"
                        + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"},\"object\":{\"id\":"
                        + "\"https://example.se/kurs/" + i + "\",\"definition\":{\"name\":{\"sv-SE\":\"Källkritik\"}}}}";
                documents.add(json);
                sql.execute("INSERT INTO xapi_statement (organisation_id, statement_id, stored_ms, document) VALUES (1, '"
                        + id + "', 0, '" + json + "')");
            }
        }
        // up to V12 only: later migrations are not this test's business
        assertEquals(1, org.flywaydb.core.Flyway.configure(getClass().getClassLoader()).dataSource(dataSource)
                .locations(Migrations.LOCATION).target("12").load().migrate().migrationsExecuted);
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT body FROM xapi_statement ORDER BY seq")) {
            int i = 0;
            while (rows.next()) {
                assertEquals(documents.get(i++), se.digikomp.lms.xapi.control.StatementDocuments.unpack(rows.getBytes(1)));
            }
            assertEquals(documents.size(), i);
            Set<String> columns = new HashSet<>();
            try (ResultSet c = connection.getMetaData().getColumns(connection.getCatalog(), null, "xapi_statement", "%")) {
                while (c.next()) {
                    columns.add(c.getString("COLUMN_NAME"));
                }
            }
            assertTrue(columns.contains("body") && !columns.contains("document"), columns.toString());
        }
    }

    @Test
    void theServerMigratedItsSchemaAtStartUpAndStoredTheBootstrapCredentialHashed() throws Exception {
        try (Connection connection = database.connect(LmsServer.shared().schema());
             Statement sql = connection.createStatement()) {
            try (ResultSet failed = sql.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success")) {
                failed.next();
                assertEquals(0, failed.getInt(1));
            }
            try (ResultSet client = sql.executeQuery("SELECT secret_salt, secret_hash, scopes FROM lrs_client"
                    + " WHERE client_key = '" + LmsServer.XAPI_KEY + "'")) {
                assertTrue(client.next(), "bootstrap credential stored");
                assertEquals("all", client.getString("scopes"));
                assertTrue(se.digikomp.lms.security.SecretHasher.matches(LmsServer.XAPI_SECRET,
                        client.getString("secret_salt"), client.getString("secret_hash")));
            }
        }
    }
}
