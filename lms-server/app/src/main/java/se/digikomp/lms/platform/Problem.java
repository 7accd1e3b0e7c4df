package se.digikomp.lms.platform;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem details object. Built only by the exception mappers in this package, so every error of
 * our own API has the same shape: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}
 * and, where useful, extension members such as {@code errorId} or {@code violations}.
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    private final int status;
    private final String title;
    private String detail;
    private String instance;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private Problem(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** A problem whose title is the standard reason phrase of the status (type about:blank, RFC 9457 4.2.1). */
    public static Problem of(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return new Problem(status, known == null ? "HTTP " + status : known.getReasonPhrase());
    }

    /** A problem with a title of its own, for a status whose reason phrase says too little (e.g. 422). */
    public static Problem of(int status, String title) {
        return new Problem(status, title);
    }

    public Problem detail(String text) {
        this.detail = text;
        return this;
    }

    public Problem instance(String path) {
        this.instance = path;
        return this;
    }

    public Problem with(String member, String value) {
        extensions.put(member, value);
        return this;
    }

    public Problem with(String member, JsonArray value) {
        extensions.put(member, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        if (instance != null) {
            json.add("instance", instance);
        }
        extensions.forEach((member, value) -> {
            if (value instanceof JsonArray array) {
                json.add(member, array);
            } else {
                json.add(member, String.valueOf(value));
            }
        });
        return json.build().toString();
    }

    public Response.ResponseBuilder toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(toJson());
    }
}
