package se.digikomp.lms.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * After Payara has booted and deployed, asks the server's own {@code /health/ready} until it says UP, so
 * "ready" is only printed when it is true, and a deployment that failed ends the process.
 */
final class Readiness {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private Readiness() {
    }

    static void await(Settings settings) throws StartupFailure {
        String host = settings.bindAddress().equals("0.0.0.0") || settings.bindAddress().equals("::")
                ? "127.0.0.1" : settings.bindAddress();
        URI uri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + settings.port()
                + "/health/ready");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(WAIT);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "HTTP " + response.statusCode() + " " + response.body().strip();
                if (response.body().contains("No Application deployed")) {
                    break;
                }
            } catch (IOException e) {
                last = DatabaseCheck.reason(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            sleep();
        }
        throw new StartupFailure(StartupFailure.FAILED, "the web application did not become ready (" + last
                + "); the server log above says why");
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
