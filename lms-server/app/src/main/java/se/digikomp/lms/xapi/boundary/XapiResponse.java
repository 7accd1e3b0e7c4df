package se.digikomp.lms.xapi.boundary;

import se.digikomp.lms.xapi.control.JsonBuilders;
import jakarta.json.JsonStructure;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, extra headers, content type and body (written by {@link XapiServlet}). */
public record XapiResponse(int status, Map<String, String> headers, String contentType, byte[] body) {

    public static XapiResponse noContent() {
        return new XapiResponse(204, new LinkedHashMap<>(), null, new byte[0]);
    }

    public static XapiResponse json(int status, JsonStructure json) {
        return new XapiResponse(status, new LinkedHashMap<>(), "application/json; charset=utf-8",
                json.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static XapiResponse jsonText(String json) {
        return new XapiResponse(200, new LinkedHashMap<>(), "application/json; charset=utf-8",
                json.getBytes(StandardCharsets.UTF_8));
    }

    public static XapiResponse bytes(String contentType, byte[] body) {
        return new XapiResponse(200, new LinkedHashMap<>(), contentType, body);
    }

    /** An error: the xAPI status with a JSON body whose message names what is wrong. */
    public static XapiResponse error(int status, String message) {
        return json(status, JsonBuilders.PROVIDER.createObjectBuilder().add("error", true).add("message", message).build());
    }

    public XapiResponse with(String header, String value) {
        headers.put(header, value);
        return this;
    }
}
