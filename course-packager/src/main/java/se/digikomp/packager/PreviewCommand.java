package se.digikomp.packager;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import se.digikomp.packager.bundle.Format;
import se.digikomp.packager.bundle.Json;
import se.digikomp.packager.bundle.PackageBuilder;
import se.digikomp.packager.bundle.PackageFiles;
import se.digikomp.packager.bundle.PackagePlan;
import se.digikomp.packager.bundle.Page;
import se.digikomp.packager.bundle.Unit;
import se.digikomp.packager.source.Course;
import se.digikomp.packager.source.CourseReader;
import se.digikomp.packager.source.InvalidSourceException;

/**
 * {@code preview <course-dir>}: serves the course on 127.0.0.1 inside a stand-in LMS that provides the SCORM 2004
 * run-time API and lists every call the course makes; rebuilds and reloads when a source file changes.
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Serves the course at http://127.0.0.1:<port>/ in a stand-in LMS that shows its tracking calls, "
                + "and reloads it when a source file changes. Stop with Ctrl+C.")
public final class PreviewCommand implements Callable<Integer> {
    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"), Map.entry("mp3", "audio/mpeg"),
            Map.entry("vtt", "text/vtt; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"), Map.entry("pdf", "application/pdf"));

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<course-dir>")
    Path dir;

    @Option(names = "--port", defaultValue = "8765", description = "port on 127.0.0.1 (0: any free port)")
    int port;

    @Option(names = "--language", paramLabel = "<lang>", description = "language to show (default: the course's first)")
    String language;

    private volatile Built built;
    private volatile long fingerprint;

    /** The current build, or the problems that prevent one. */
    record Built(int version, PackageFiles files, List<String> units, List<String> problems) {
    }

    @Override
    public Integer call() throws Exception {
        Course first = CourseReader.read(dir.normalize());
        if (language != null && !first.languages().contains(language)) {
            throw new Main.UsageException("the course has no language " + language + " (" + first.languages() + ")");
        }
        rebuild(0);
        HttpServer server = start();
        var out = spec.commandLine().getOut();
        out.println("preview of " + dir + " at http://127.0.0.1:" + server.getAddress().getPort() + "/ (Ctrl+C stops)");
        out.flush();
        Thread hook = new Thread(() -> server.stop(0));
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(700);
                if (fingerprint() != fingerprint) {
                    rebuild(built.version() + 1);
                    out.println("rebuilt (version " + built.version() + (built.problems().isEmpty() ? ")"
                            : ", " + built.problems().size() + " problem(s))"));
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.stop(0);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C: the hook has stopped the server already
            }
        }
        return ExitCode.OK;
    }

    /** Starts the server on 127.0.0.1 (used by the command and by its test). */
    HttpServer start() throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (java.net.BindException e) {
            throw new Main.UsageException("port " + port + " on 127.0.0.1 is in use; choose another with --port");
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "preview-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return server;
    }

    void rebuild(int version) {
        fingerprint = fingerprint();
        try {
            Course course = CourseReader.read(dir.normalize());
            String lang = language != null ? language : course.defaultLanguage();
            PackagePlan plan = PackagePlan.of(course, Format.SCORM2004, Unit.LESSON, List.of(lang));
            PackageFiles files = PackageBuilder.build(plan);
            built = new Built(version, files, plan.units().stream().map(Page::path).toList(), List.of());
        } catch (InvalidSourceException e) {
            built = new Built(version, built == null ? new PackageFiles() : built.files(),
                    built == null ? List.of() : built.units(), e.problems().stream().map(Object::toString).toList());
        }
    }

    private long fingerprint() {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.getLastModifiedTime(p).toMillis() * 31 + Files.size(p) + p.toString().hashCode();
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, 405, "text/plain", "method not allowed".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Built b = built;
            if (path.equals("/") || path.equals("/index.html")) {
                send(exchange, 200, TYPES.get("html"), resource("lms.html"));
            } else if (path.equals("/__preview/lms.js")) {
                send(exchange, 200, TYPES.get("js"), resource("lms.js"));
            } else if (path.equals("/__preview/state")) {
                String json = Json.write(Map.of("version", b.version(), "units", b.units(), "problems",
                        b.problems()));
                send(exchange, 200, "application/json", json.getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/course/")) {
                byte[] content = b.files().get(path.substring("/course/".length()));
                if (content == null) {
                    send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                } else {
                    String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
                    send(exchange, 200, TYPES.getOrDefault(ext, "application/octet-stream"), content);
                }
            } else {
                send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PreviewCommand.class.getResourceAsStream("preview/" + name)) {
            return in.readAllBytes();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
