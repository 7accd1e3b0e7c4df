package se.digikomp.lms.xapi.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.digikomp.lms.xapi.control.ClientAuthenticator;
import se.digikomp.lms.xapi.control.StatementStore;
import se.digikomp.lms.xapi.control.ValueFormats;
import se.digikomp.lms.xapi.control.XapiException;
import se.digikomp.lms.xapi.entity.DocumentKind;
import se.digikomp.lms.xapi.entity.LrsClient;
import se.digikomp.lms.xapi.entity.XapiVersion;

/**
 * The xAPI endpoint, /xapi/*. A servlet rather than JAX-RS resources because xAPI needs the raw request: the
 * alternate request syntax (method in the query, headers in a form body), multipart/mixed bodies, a body-size limit
 * checked before parsing, and headers on every answer including errors and 404s (X-Experience-API-Version, Date,
 * CORS, X-Experience-API-Consistent-Through). It parses, authenticates, delegates and answers; rules live in control.
 */
@WebServlet(urlPatterns = "/xapi/*", loadOnStartup = 1)
public class XapiServlet extends HttpServlet {

    private static final System.Logger LOG = System.getLogger(XapiServlet.class.getName());
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    @Inject
    ClientAuthenticator authenticator;

    @Inject
    StatementsEndpoint statements;

    @Inject
    DocumentsEndpoint documents;

    @Inject
    AboutEndpoint about;

    @Inject
    @ConfigProperty(name = "lms.xapi.max-body-bytes", defaultValue = "20971520")
    long maxBodyBytes;

    /** Origins whose pages may call the LRS from a browser: "*" (any) or a comma-separated list of origins. */
    @Inject
    @ConfigProperty(name = "lms.xapi.cors-origins", defaultValue = "*")
    String corsOrigins;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String basePath = req.getContextPath() + req.getServletPath();
        String baseUrl = req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort() + basePath;
        XapiVersion version = XapiVersion.V2_0_0;
        boolean statementGet = false;
        XapiResponse response;
        try {
            cors(req, resp);
            if (req.getMethod().equals("OPTIONS")) {
                resp.setHeader("X-Experience-API-Version", version.header());
                resp.setDateHeader("Date", System.currentTimeMillis());
                resp.setStatus(204);
                return;
            }
            Map<String, String> headers = headers(req);
            byte[] body = body(req);
            XapiRequest r = XapiRequest.of(req.getMethod(), path, req.getQueryString(), headers, body);
            statementGet = path.equals("/statements") && (r.method().equals("GET") || r.method().equals("HEAD"));
            String versionHeader = r.header("x-experience-api-version");
            var parsed = XapiVersion.fromHeader(versionHeader);
            if (parsed.isPresent()) {
                version = parsed.get();
            }
            // xAPI 2.0 4.1.1: the alternate request syntax is gone
            if (r.alternateSyntax() && version.isV2()) {
                throw XapiException.badRequest("method: the alternate request syntax is not part of xAPI 2.0");
            }
            if (path.equals("/about")) {
                response = about.about(r);
            } else {
                // 1.0.3 Communication 3.3 / 2.0 4.1.2: every request but /about names the version
                if (versionHeader == null) {
                    throw XapiException.badRequest("X-Experience-API-Version: the header is required");
                }
                if (parsed.isEmpty()) {
                    throw XapiException.badRequest("X-Experience-API-Version: '" + versionHeader
                            + "' is not supported; use 1.0.3 or 2.0.0");
                }
                LrsClient client = authenticator.authenticate(r.header("authorization")).orElse(null);
                if (client == null) {
                    response = XapiResponse.error(401, "Authorization: valid Basic credentials of an LRS client"
                            + " are required").with("WWW-Authenticate", "Basic realm=\"xAPI\"");
                } else {
                    response = dispatch(path, r, version, client, baseUrl, basePath);
                }
            }
        } catch (XapiException e) {
            response = XapiResponse.error(e.status(), e.getMessage());
            if (e.status() == 503) {
                // concurrent writers met more often than the server retries (WriteConflicts): soon again
                response.with("Retry-After", "1");
            }
        } catch (StatementStore.StoreUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, "xAPI request failed: database unavailable: " + rootMessage(e));
            response = XapiResponse.error(503, "the LRS database is unavailable; nothing was stored, try again")
                    .with("Retry-After", "5");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "xAPI request failed unexpectedly", e);
            response = XapiResponse.error(500, "internal error; nothing was stored");
        }
        write(req, resp, response, version, statementGet);
    }

    private XapiResponse dispatch(String path, XapiRequest r, XapiVersion version, LrsClient client, String baseUrl,
            String basePath) {
        return switch (path) {
            case "/statements" -> statements.handle(r, version, client, baseUrl, basePath);
            case "/activities/state" -> documents.handle(r, version, client, DocumentKind.STATE);
            case "/activities/profile" -> documents.handle(r, version, client, DocumentKind.ACTIVITY_PROFILE);
            case "/agents/profile" -> documents.handle(r, version, client, DocumentKind.AGENT_PROFILE);
            case "/activities" -> about.activity(r, client);
            case "/agents" -> about.person(r, client);
            default -> XapiResponse.error(404, "no xAPI resource at " + path);
        };
    }

    private void write(HttpServletRequest req, HttpServletResponse resp, XapiResponse response, XapiVersion version,
            boolean statementGet) throws IOException {
        resp.setStatus(response.status());
        resp.setHeader("X-Experience-API-Version", version.header());
        resp.setDateHeader("Date", System.currentTimeMillis());
        if (statementGet) {
            // 1.0.3 Communication 2.1.3.s2.b5: on every GET /statements, whatever the status
            resp.setHeader("X-Experience-API-Consistent-Through",
                    ValueFormats.formatUtc(Instant.now().atOffset(ZoneOffset.UTC)));
        }
        response.headers().forEach(resp::setHeader);
        if (response.contentType() != null) {
            resp.setContentType(response.contentType());
        }
        resp.setContentLength(response.body().length);
        if (!req.getMethod().equals("HEAD") && response.body().length > 0) {
            resp.getOutputStream().write(response.body());
        }
    }

    private void cors(HttpServletRequest req, HttpServletResponse resp) {
        new CorsPolicy(corsOrigins).headers(req.getHeader("Origin")).forEach(resp::setHeader);
    }

    private static Map<String, String> headers(HttpServletRequest req) {
        Map<String, String> headers = new TreeMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), req.getHeader(name));
        }
        return headers;
    }

    /** Reads the body, refusing more than lms.xapi.max-body-bytes with 413 before anything is parsed. */
    private byte[] body(HttpServletRequest req) throws IOException {
        long declared = req.getContentLengthLong();
        if (declared > maxBodyBytes) {
            drain(req, declared);
            throw new XapiException(413, "the request body has " + declared + " bytes; this LRS accepts at most "
                    + maxBodyBytes + " (lms.xapi.max-body-bytes)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
        byte[] buffer = new byte[16384];
        try (InputStream in = req.getInputStream()) {
            int n;
            long total = 0;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBodyBytes) {
                    drain(req, Long.MAX_VALUE);
                    throw new XapiException(413, "the request body exceeds " + maxBodyBytes
                            + " bytes (lms.xapi.max-body-bytes)");
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    /**
     * Reads and discards what the client is still sending (bounded), so that it gets to read the 413 instead of
     * blocking on a full socket buffer; the connection is closed after the answer.
     */
    private static void drain(HttpServletRequest req, long declared) throws IOException {
        long limit = Math.min(declared, 256L * 1024 * 1024);
        byte[] buffer = new byte[65536];
        try (InputStream in = req.getInputStream()) {
            long read = 0;
            int n;
            while (read < limit && (n = in.read(buffer)) > 0) {
                read += n;
            }
        }
    }

    static String httpDate(Instant t) {
        return HTTP_DATE.format(t);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
