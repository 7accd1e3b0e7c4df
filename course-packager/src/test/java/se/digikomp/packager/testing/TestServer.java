package se.digikomp.packager.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/** A real HTTP server on 127.0.0.1 and a free port: static folders plus handlers a test adds. */
public final class TestServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
            "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "vtt",
            "text/vtt", "json", "application/json", "xml", "application/xml");
    private final HttpServer server;

    public TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public TestServer route(String prefix, HttpHandler handler) {
        server.createContext(prefix, handler);
        return this;
    }

    public TestServer folder(String prefix, Path dir) {
        return route(prefix, exchange -> {
            String rest = exchange.getRequestURI().getPath().substring(prefix.length());
            Path file = dir.resolve(rest).normalize();
            if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
                send(exchange, 404, "text/plain", "not found");
                return;
            }
            String ext = rest.substring(rest.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            send(exchange, 200, TYPES.getOrDefault(ext, "application/octet-stream"), Files.readAllBytes(file));
        });
    }

    public TestServer page(String path, String html) {
        return route(path, exchange -> send(exchange, 200, TYPES.get("html"), html));
    }

    public static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    public static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        try (exchange) {
            if (type != null) {
                exchange.getResponseHeaders().set("Content-Type", type);
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
