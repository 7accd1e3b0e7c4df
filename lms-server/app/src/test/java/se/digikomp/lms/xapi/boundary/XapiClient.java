package se.digikomp.lms.xapi.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** A small xAPI client for the integration tests: one credential, one version, against a base URI. */
public record XapiClient(URI base, String authorization, String version) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static XapiClient of(URI base, String key, String secret) {
        return new XapiClient(base, "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret)
                .getBytes(StandardCharsets.UTF_8)), "2.0.0");
    }

    XapiClient withVersion(String v) {
        return new XapiClient(base, authorization, v);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/xapi" + pathAndQuery))
                .timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (version != null) {
            b.header("X-Experience-API-Version", version);
        }
        return b;
    }

    HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    HttpResponse<byte[]> sendForBytes(HttpRequest request) throws IOException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** A request with a body of exactly these bytes. */
    HttpResponse<String> send(String method, String pathAndQuery, String contentType, byte[] body,
            String... headers) throws IOException {
        HttpRequest.Builder b = request(pathAndQuery).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException {
        return send(request(pathAndQuery).GET().build());
    }

    HttpResponse<String> post(String pathAndQuery, String contentType, String body) throws IOException {
        return send(request(pathAndQuery).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> postJson(String pathAndQuery, String body) throws IOException {
        return post(pathAndQuery, "application/json", body);
    }

    HttpResponse<String> put(String pathAndQuery, String contentType, String body, String... headers)
            throws IOException {
        HttpRequest.Builder b = request(pathAndQuery).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    static JsonObject object(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    static JsonStructure read(String json) {
        return Json.createReader(new StringReader(json)).read();
    }

    /** A valid statement with a fresh id, actor mbox and verb as given. */
    static String statement(String id, String mbox, String verb) {
        return "{\"id\":\"" + id + "\",\"actor\":{\"objectType\":\"Agent\",\"mbox\":\"mailto:" + mbox + "\"},"
                + "\"verb\":{\"id\":\"" + verb + "\",\"display\":{\"sv-SE\":\"slutförde\",\"en-US\":\"completed\"}},"
                + "\"object\":{\"id\":\"http://digikomp.example/courses/" + UUID.randomUUID() + "\"}}";
    }
}
