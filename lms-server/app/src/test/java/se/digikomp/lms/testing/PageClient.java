package se.digikomp.lms.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser, for page tests over plain HTTP: keeps cookies, does not follow redirects, and
 * submits a Faces form with its hidden fields (view state) plus the fields given.
 */
public final class PageClient {

    private static final Pattern FORM = Pattern.compile("<form id=\"([^\"]+)\"[^>]*>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern HIDDEN = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]+)\"(?: id=\"[^\"]*\")? value=\"([^\"]*)\"");

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final String acceptLanguage;

    public PageClient(LmsServer.Instance server, String acceptLanguage) {
        this(server.uri("/"), acceptLanguage);
    }

    /** A client of the server at {@code base} (for benchmarks that start their own). */
    public PageClient(URI base, String acceptLanguage) {
        this.base = base;
        this.acceptLanguage = acceptLanguage;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Accept-Language", acceptLanguage).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs {@code path} and posts its form {@code formId} with its hidden fields and {@code fields}. */
    public HttpResponse<String> submit(String path, String formId, Map<String, String> fields)
            throws IOException, InterruptedException {
        HttpResponse<String> page = get(path);
        return post(path, formFields(page.body(), formId, fields), Map.of("Origin", origin()));
    }

    /** Posts url-encoded fields to {@code path} with the extra headers. */
    public HttpResponse<String> post(String path, Map<String, String> fields, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Accept-Language", acceptLanguage)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request built elsewhere with this client's cookies. */
    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The hidden fields of form {@code formId} in {@code html}, plus {@code fields}. */
    public static Map<String, String> formFields(String html, String formId, Map<String, String> fields) {
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            if (form.group(1).equals(formId)) {
                Map<String, String> all = new LinkedHashMap<>();
                Matcher hidden = HIDDEN.matcher(form.group(2));
                while (hidden.find()) {
                    all.put(hidden.group(1), hidden.group(2).replace("&amp;", "&").replace("&#58;", ":"));
                }
                all.putAll(fields);
                return all;
            }
        }
        throw new AssertionError("no form " + formId + " in " + html);
    }

    /** Signs in with the form at /login; the answer is the redirect after it. */
    public HttpResponse<String> signIn(String username, String password, String next)
            throws IOException, InterruptedException {
        String path = next == null ? "/login" : "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        return submit(path, "login", Map.of("username", username, "password", password, "sign-in", "x"));
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().get(base.resolve("/")).stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    public String origin() {
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
