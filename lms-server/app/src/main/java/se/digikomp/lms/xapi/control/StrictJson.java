package se.digikomp.lms.xapi.control;

import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.StringReader;

/** Parses exactly one JSON value: trailing content after it is an error (1.0.3 Data 2.2: well-formed JSON). */
public final class StrictJson {

    private StrictJson() {
    }

    public static JsonValue parse(byte[] bytes, String what) {
        if (bytes.length == 0) {
            throw XapiException.badRequest(what + " is empty");
        }
        try (JsonParser parser = JsonBuilders.PROVIDER.createParser(new ByteArrayInputStream(bytes))) {
            return read(parser, what);
        }
    }

    public static JsonValue parse(String text, String what) {
        try (JsonParser parser = JsonBuilders.PROVIDER.createParser(new StringReader(text))) {
            return read(parser, what);
        }
    }

    private static JsonValue read(JsonParser parser, String what) {
        try {
            if (!parser.hasNext()) {
                throw XapiException.badRequest(what + " is empty");
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw XapiException.badRequest(what + " has content after its JSON value");
            }
            return value;
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw XapiException.badRequest(what + " is not valid JSON: " + e.getMessage());
        }
    }
}
