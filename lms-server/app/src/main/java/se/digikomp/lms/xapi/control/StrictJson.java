package se.digikomp.lms.xapi.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Parses exactly one JSON value as RFC 8259 and I-JSON (RFC 7493) ask of interoperable JSON, refusing with 400
 * and the reason what a lenient parser would silently change or guess at:
 * <ul>
 * <li>content after the value (1.0.3 Data 2.2: well-formed JSON);</li>
 * <li>bytes that are not UTF-8 (RFC 8259 8.1; a decoder would turn them into U+FFFD);</li>
 * <li>a string with a lone surrogate, such as the escape {@code \ud800} alone (RFC 7493 2.1; it has no UTF-8
 * form, so it would be stored as '?');</li>
 * <li>a name given twice in one object (RFC 7493 2.3; which one counts would be a guess);</li>
 * <li>nesting deeper than {@link #MAX_DEPTH} (RFC 8259 9 lets a parser limit it).</li>
 * </ul>
 */
public final class StrictJson {

    /**
     * Deepest nesting of objects and arrays accepted, for statements, documents and merges alike. A statement with
     * a SubStatement and context activities is about 8 deep and extensions rarely add more than a few levels;
     * 100 leaves room for any real content and stops input built to exhaust the parser.
     */
    public static final int MAX_DEPTH = 100;

    private StrictJson() {
    }

    public static JsonValue parse(byte[] bytes, String what) {
        if (bytes.length == 0) {
            throw XapiException.badRequest(what + " is empty");
        }
        return parse(utf8(bytes, what), what);
    }

    public static JsonValue parse(String text, String what) {
        try (JsonParser parser = JsonBuilders.PROVIDER.createParser(new StringReader(text))) {
            return read(parser, what);
        }
    }

    /** The bytes as UTF-8, refusing a malformed sequence (and so an encoded surrogate) rather than replacing it. */
    static String utf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw XapiException.badRequest(what + " is not valid UTF-8 (RFC 8259 8.1): " + offset(bytes));
        }
    }

    private static String offset(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length);
        decoder.decode(in, out, true);
        return "the byte sequence at offset " + in.position() + " is malformed";
    }

    private static JsonValue read(JsonParser parser, String what) {
        try {
            if (!parser.hasNext()) {
                throw XapiException.badRequest(what + " is empty");
            }
            JsonValue value = value(parser, parser.next(), new Path(what));
            if (parser.hasNext()) {
                throw XapiException.badRequest(what + " has content after its JSON value");
            }
            return value;
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw XapiException.badRequest(what + " is not valid JSON: " + e.getMessage());
        }
    }

    private static JsonValue value(JsonParser parser, JsonParser.Event event, Path path) {
        return switch (event) {
            case START_OBJECT -> object(parser, path);
            case START_ARRAY -> array(parser, path);
            case VALUE_STRING -> {
                String s = parser.getString();
                checkSurrogates(s, path);
                yield JsonBuilders.PROVIDER.createValue(s);
            }
            case VALUE_NUMBER -> parser.getValue();
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw new JsonException("unexpected " + event);
        };
    }

    private static JsonValue object(JsonParser parser, Path path) {
        path.enter();
        JsonObjectBuilder b = JsonBuilders.PROVIDER.createObjectBuilder();
        Set<String> names = new HashSet<>();
        for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_OBJECT; e = parser.next()) {
            String name = parser.getString();
            checkSurrogates(name, path);
            if (!names.add(name)) {
                throw XapiException.badRequest(path.what + ": the name '" + name + "' occurs twice in the object at "
                        + path + " (RFC 7493 2.3: names in an object are unique)");
            }
            path.push(name);
            b.add(name, value(parser, parser.next(), path));
            path.pop();
        }
        path.leave();
        return b.build();
    }

    private static JsonValue array(JsonParser parser, Path path) {
        path.enter();
        JsonArrayBuilder b = JsonBuilders.PROVIDER.createArrayBuilder();
        int i = 0;
        for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_ARRAY; e = parser.next()) {
            path.push(i++);
            b.add(value(parser, e, path));
            path.pop();
        }
        path.leave();
        return b.build();
    }

    private static void checkSurrogates(String s, Path path) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw XapiException.badRequest(path.what + ": a string at " + path + " has a lone surrogate \\u"
                        + Integer.toHexString(c) + " (RFC 7493 2.1: strings are Unicode characters; it has no UTF-8"
                        + " form)");
            }
        }
    }

    /** Where the parser is, for messages; and how deep. */
    private static final class Path {
        final String what;
        private final List<Object> steps = new ArrayList<>();
        private int depth;

        Path(String what) {
            this.what = what;
        }

        void enter() {
            if (++depth > MAX_DEPTH) {
                throw XapiException.badRequest(what + " nests objects and arrays more than " + MAX_DEPTH
                        + " deep (at " + this + "); this LRS accepts at most " + MAX_DEPTH);
            }
        }

        void leave() {
            depth--;
        }

        void push(Object step) {
            steps.add(step);
        }

        void pop() {
            steps.remove(steps.size() - 1);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("$");
            int shown = 0;
            for (Object s : steps) {
                if (++shown > 12) {
                    b.append("...");
                    break;
                }
                b.append(s instanceof Integer ? "[" + s + "]" : "." + s);
            }
            return b.toString();
        }
    }
}
