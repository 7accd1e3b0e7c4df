package se.digikomp.lms.xapi.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.LmsServer;

/**
 * The xAPI clients that content and authoring tools really use, from npm, against the real server: @xapi/xapi
 * 3.0.3 and TinCanJS 0.50.0 through statements, queries, voiding, state, activity and agent profiles, in xAPI
 * 1.0.x and 2.0.0 (src/test/xapi-clients/clients.mjs). They are installed by {@code npm ci} from the committed
 * package-lock.json into target/xapi-clients when this test runs; Node 20 and npm come from the machine.
 */
@ExtendWith(LmsServer.class)
class RealClientsIT {

    private static final Path SOURCE = Path.of("src", "test", "xapi-clients");
    private static final Path WORK = Path.of("target", "xapi-clients");

    @Test
    void xapiJsAndTinCanJsWorkThroughEveryResourceInBothVersions() throws Exception {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", ".npmrc", "clients.mjs")) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Run install = run(600, "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund");
        assertEquals(0, install.exit(), () -> "npm ci failed:\n" + install.output());
        String endpoint = LmsServer.shared().uri("/xapi/").toString();
        Run clients = run(600, "node", "clients.mjs", endpoint, LmsServer.XAPI_KEY, LmsServer.XAPI_SECRET);
        System.out.println(clients.output());
        assertEquals(0, clients.exit(), clients::output);
        assertTrue(clients.output().contains(" passed, 0 failed"), clients::output);
    }

    private record Run(int exit, String output) {
    }

    private static Run run(long timeoutSeconds, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(WORK.toAbsolutePath(), "run", ".log");
        Process p = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Run(p.exitValue(), output);
    }
}
