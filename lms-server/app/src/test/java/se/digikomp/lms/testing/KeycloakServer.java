package se.digikomp.lms.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OpenID Connect provider for integration tests: Keycloak (the {@code keycloak-quarkus-dist} zip that
 * the build unpacks into {@code target/keycloak/}) in dev mode on a free loopback port, with the realms
 * {@code digikomp} and {@code other} imported from {@code src/test/resources/keycloak/}. One per test JVM.
 *
 * <p>Keycloak needs Java 21+ and takes about a minute to start on two cores, so {@link #beforeAll} only starts
 * it in the background; list this extension before {@link LmsServer} and the two start side by side.
 * {@link #shared()} waits until the realms' discovery documents answer.
 *
 * <pre>
 * &#64;ExtendWith({KeycloakServer.class, LmsServer.class})
 * class SignInIT {
 *     &#64;Test void signsIn() { URI issuer = KeycloakServer.shared().issuer("digikomp"); ... }
 * }
 * </pre>
 *
 * Its log is {@code target/keycloak-it/keycloak.log}. To iterate on tests without paying the start each run,
 * {@code LMS_TEST_KEYCLOAK_URL} (e.g. {@code http://127.0.0.1:8131}) names a Keycloak already running with the
 * two realms imported, and nothing is started.
 */
public final class KeycloakServer implements BeforeAllCallback {

    /** The JDK Keycloak runs on (only that process; the tests and the LMS stay on Java 17). */
    public static final Path JAVA_HOME = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    public static final String CLIENT_ID = "digikomp-lms";
    public static final String CLIENT_SECRET = "it-oidc-client-secret";
    public static final List<String> REALMS = List.of("digikomp", "other");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KeycloakServer.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(600);
    private static volatile Starting starting;

    /** A user of both realms: username, password and the e-mail address it has there. */
    public record User(String username, String password, String email) {
    }

    /** Matches the demo organisation's learner by e-mail (and employee number E-1001). */
    public static final User ALVA = new User("alva", "alva-password", "learner@demokommunen.example");
    /** Known to Keycloak, unknown to Digikomp. */
    public static final User STRANGER = new User("stranger", "stranger-password", "stranger@elsewhere.example");

    @Override
    public void beforeAll(ExtensionContext context) {
        starting = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Starting.class, k -> Starting.begin(), Starting.class);
    }

    /** The running server, waiting for it to be ready (at most the start timeout) if it is still starting. */
    public static Instance shared() {
        if (starting == null) {
            throw new IllegalStateException("add @ExtendWith(KeycloakServer.class) to the test class");
        }
        return starting.await();
    }

    /** A start under way in the background; closing it stops the process tree. */
    static final class Starting implements ExtensionContext.Store.CloseableResource {

        private final CompletableFuture<Instance> future;
        private volatile Process process;

        private Starting() {
            this.future = new CompletableFuture<>();
        }

        static Starting begin() {
            Starting starting = new Starting();
            String running = System.getenv("LMS_TEST_KEYCLOAK_URL");
            if (running != null && !running.isBlank()) {
                Instance instance = new Instance(URI.create(running.replaceAll("/+$", "")), Path.of("(not started here)"));
                starting.future.complete(instance);
                return starting;
            }
            Thread thread = new Thread(() -> {
                try {
                    starting.future.complete(starting.start());
                } catch (Throwable e) {
                    starting.future.completeExceptionally(e);
                }
            }, "keycloak-start");
            thread.setDaemon(true);
            thread.start();
            return starting;
        }

        Instance await() {
            try {
                return future.get(START_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("Keycloak did not start within " + START_TIMEOUT, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
        }

        /** Starts Keycloak; once more when it gave up during start-up (on an overloaded machine its database pool
         * can time out while the realms are imported). */
        private Instance start() throws IOException {
            try {
                return startOnce();
            } catch (Exited e) {
                System.out.println("Keycloak exited during start-up, starting it once more: " + e.getMessage());
                return startOnce();
            }
        }

        private Instance startOnce() throws IOException {
            Path home = Path.of(System.getProperty("lms.test.keycloak", "target/keycloak/keycloak-26.5.6"))
                    .toAbsolutePath();
            if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
                throw new IllegalStateException("Keycloak is not unpacked at " + home + ": it is fetched and unpacked"
                        + " by `mvn verify` (pre-integration-test, maven-dependency-plugin); was -Dkeycloak.skip=true"
                        + " given?");
            }
            if (!Files.isExecutable(JAVA_HOME.resolve("bin/java"))) {
                throw new IllegalStateException("Keycloak needs Java 21 or newer at " + JAVA_HOME
                        + " (the tests themselves run on Java 17); install Temurin 25 there");
            }
            Path data = home.resolve("data");
            LmsServer.deleteTree(data);
            Path imports = Files.createDirectories(data.resolve("import"));
            for (String realm : REALMS) {
                try (InputStream in = KeycloakServer.class.getResourceAsStream("/keycloak/" + realm + "-realm.json")) {
                    if (in == null) {
                        throw new IllegalStateException("missing test resource keycloak/" + realm + "-realm.json");
                    }
                    Files.copy(in, imports.resolve(realm + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path work = Files.createDirectories(Path.of("target", "keycloak-it").toAbsolutePath());
            Path log = work.resolve("keycloak.log");
            int port = LmsServer.freePort();
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-host=127.0.0.1", "--import-realm")
                    .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("JAVA_OPTS"));
            env.put("JAVA_HOME", JAVA_HOME.toString());
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "it-admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "it-admin-password");
            env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "120S");
            Instant began = Instant.now();
            process = builder.start();
            Instance instance = new Instance(URI.create("http://127.0.0.1:" + port), log);
            instance.awaitReady(process);
            System.out.println("Keycloak ready on port " + port + " after "
                    + Duration.between(began, Instant.now()).toSeconds() + " s");
            return instance;
        }

        @Override
        public void close() throws InterruptedException {
            Process started = process;
            if (started == null) {
                return;
            }
            List<ProcessHandle> children = started.descendants().toList();
            started.destroy();
            children.forEach(ProcessHandle::destroy);
            if (!started.waitFor(30, TimeUnit.SECONDS)) {
                started.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                try {
                    child.onExit().get(20, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    child.destroyForcibly();
                }
            }
        }
    }

    /** Keycloak stopped by itself before it was ready. */
    static final class Exited extends IllegalStateException {
        Exited(String message) {
            super(message);
        }
    }

    /** A running Keycloak. */
    public static final class Instance {

        private final URI base;
        private final Path log;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        private Instance(URI base, Path log) {
            this.base = base;
            this.log = log;
        }

        /** The issuer identifier of a realm, as Keycloak puts it in its tokens. */
        public String issuer(String realm) {
            return base.resolve("/realms/" + realm).toString();
        }

        public URI base() {
            return base;
        }

        public Path log() {
            return log;
        }

        private void awaitReady(Process process) {
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            List<String> pending = new java.util.ArrayList<>(REALMS);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new Exited("Keycloak exited with " + process.exitValue() + "; see " + log
                            + "\n" + tail());
                }
                pending.removeIf(realm -> status(issuer(realm) + "/.well-known/openid-configuration") == 200);
                if (pending.isEmpty()) {
                    return;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Keycloak", e);
                }
            }
            throw new IllegalStateException("Keycloak's realms " + pending + " did not answer within "
                    + START_TIMEOUT + "; see " + log + "\n" + tail());
        }

        private int status(String uri) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        private String tail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }
    }
}
