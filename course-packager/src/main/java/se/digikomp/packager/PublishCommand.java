package se.digikomp.packager;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import se.digikomp.packager.bundle.Format;
import se.digikomp.packager.bundle.PackageValidator;
import se.digikomp.packager.source.Problems;

/**
 * {@code publish <package.zip> --server URL}: validates the package, then uploads it to lms-server's import
 * endpoint: {@code POST <server>/api/course-packages}, body the zip ({@code application/zip}), headers
 * {@code Content-Digest: sha-256=:<base64>:} and {@code Authorization: Bearer <token>} when a token is given.
 * 201 Created (Location header) is success; any other status is reported with the problem+json title and detail.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Uploads a built package to lms-server (POST <server>/api/course-packages). The token is read "
                + "from --token-file or the environment variable DIGIKOMP_TOKEN, never from the command line.")
public final class PublishCommand implements Callable<Integer> {
    static final String PATH = "api/course-packages";
    private static final Pattern JSON_FIELD = Pattern.compile("\"(title|detail)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<package.zip>")
    Path zip;

    @Option(names = "--server", required = true, paramLabel = "<url>", description = "lms-server base URL")
    String server;

    @Option(names = "--token-file", paramLabel = "<file>", description = "file holding the API token")
    Path tokenFile;

    @Override
    public Integer call() throws IOException, InterruptedException {
        URI base = base(server);
        if (!Files.isRegularFile(zip)) {
            throw new Main.UsageException("no such package: " + zip);
        }
        Problems problems = new Problems();
        Format format = PackageValidator.validate(zip, problems);
        problems.throwIfAny();
        byte[] body = Files.readAllBytes(zip);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(PATH))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/zip")
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Digest", "sha-256=:" + sha256(body) + ":")
                .header("X-Package-Format", format.word)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        String token = token();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new Main.PublishException("cannot reach " + base + ": connection refused");
        } catch (IOException e) {
            throw new Main.PublishException("cannot reach " + base + ": " + e.getClass().getSimpleName());
        }
        if (response.statusCode() == 201 || response.statusCode() == 200) {
            String location = response.headers().firstValue("Location").orElse("(no Location header)");
            spec.commandLine().getOut().println("published " + zip.getFileName() + " (" + format.word + ") -> "
                    + location);
            return ExitCode.OK;
        }
        StringBuilder reason = new StringBuilder();
        Matcher m = JSON_FIELD.matcher(response.body());
        while (m.find()) {
            reason.append(reason.length() == 0 ? ": " : " - ").append(m.group(2).replace("\\\"", "\""));
        }
        throw new Main.PublishException("the server refused the package: HTTP " + response.statusCode() + reason);
    }

    static URI base(String server) {
        try {
            URI uri = new URI(server.endsWith("/") ? server : server + "/");
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new Main.UsageException("--server must be an http or https URL: " + server);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new Main.UsageException("--server is not a URL: " + server);
        }
    }

    private String token() throws IOException {
        if (tokenFile != null) {
            if (!Files.isRegularFile(tokenFile)) {
                throw new Main.UsageException("no such token file: " + tokenFile);
            }
            return Files.readString(tokenFile).strip();
        }
        String env = System.getenv("DIGIKOMP_TOKEN");
        return env == null || env.isBlank() ? null : env.strip();
    }

    private static String sha256(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
