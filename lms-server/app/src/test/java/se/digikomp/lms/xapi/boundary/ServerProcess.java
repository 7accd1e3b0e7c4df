package se.digikomp.lms.xapi.boundary;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * lms-app.war on Payara Micro in a process of its own, for what the shared test server cannot do: be killed with
 * SIGKILL (StatementDurabilityIT) or be measured alone (the LRS benchmark). Binds 127.0.0.1 on a free port, uses
 * the given database, and has the xAPI bootstrap credential {@code key}/{@code secret}.
 */
public record ServerProcess(Process process, URI base, Path log) {

    public static ServerProcess start(Path dir, Path war, String jdbcUrl, String user, String password, String key,
            String secret, String heap) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("root"));
        Files.createDirectories(dir.resolve("unpacked"));
        Path deployed = Files.copy(war, dir.resolve("ROOT.war"), StandardCopyOption.REPLACE_EXISTING);
        Path preboot = Files.writeString(dir.resolve("preboot.txt"), "set configs.config.server-config."
                + "network-config.network-listeners.network-listener.http-listener.address=127.0.0.1\n");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String micro = null;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (new File(entry).getName().startsWith("payara-micro-")) {
                micro = entry;
            }
        }
        if (micro == null) {
            throw new IllegalStateException("payara-micro is not on the class path (test dependency of lms-app)");
        }
        Path log = dir.resolve("server.log");
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
        // extra JVM options for the server (e.g. a JFR recording while benchmarking): LMS_SERVER_JVM_OPTS
        String extra = System.getenv("LMS_SERVER_JVM_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(java.util.List.of(extra.trim().split("\\s+")));
        }
        command.addAll(java.util.List.of("-jar", micro, "--deploy", deployed.toString(), "--port", Integer.toString(port),
                "--nocluster", "--disablephonehome", "--nohazelcast", "--prebootcommandfile", preboot.toString(),
                "--rootdir", dir.resolve("root").toString(), "--unpackdir", dir.resolve("unpacked").toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("LMS_"));
        env.put("LMS_DB_URL", jdbcUrl);
        env.put("LMS_DB_USER", user);
        env.put("LMS_DB_PASSWORD", password);
        env.put("LMS_XAPI_BOOTSTRAP_KEY", key);
        env.put("LMS_XAPI_BOOTSTRAP_SECRET", secret);
        Process p = pb.start();
        URI base = URI.create("http://127.0.0.1:" + port);
        XapiClient probe = XapiClient.of(base, key, secret);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the server exited; see " + log);
            }
            try {
                // Payara answers 503 between deploying the app and the end of its own start: wait for both
                if (Files.readString(log, StandardCharsets.UTF_8).contains("ready in")
                        && probe.get("/statements?limit=1").statusCode() == 200) {
                    return new ServerProcess(p, base, log);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the server was not ready within 240 s; see " + log);
    }

    /** SIGKILL (on Linux): no shutdown hook, no chance to flush anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM and wait. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
