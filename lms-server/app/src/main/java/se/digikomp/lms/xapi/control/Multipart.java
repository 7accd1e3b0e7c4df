package se.digikomp.lms.xapi.control;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.digikomp.lms.xapi.entity.Part;

/**
 * RFC 2046 multipart/mixed, as xAPI uses it for attachments (1.0.3 Communication 1.5.2, 2.0 4.1.3): reads a request
 * body into parts and writes a response body from parts.
 */
public final class Multipart {

    private static final byte[] CRLF = {'\r', '\n'};

    private Multipart() {
    }

    /** The boundary parameter of a multipart Content-Type header. */
    public static Optional<String> boundary(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length()).trim();
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                return b.isEmpty() ? Optional.empty() : Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** Splits a body into its parts; a body without the opening or closing delimiter is rejected. */
    public static List<Part> parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int start = indexOf(body, delimiter, 0);
        if (start < 0) {
            throw XapiException.badRequest("multipart body: the boundary '" + boundary + "' does not occur in the body");
        }
        List<Part> parts = new ArrayList<>();
        int pos = start + delimiter.length;
        while (true) {
            if (pos + 1 < body.length && body[pos] == '-' && body[pos + 1] == '-') {
                return parts;
            }
            pos = skipLine(body, pos);
            int next = indexOf(body, delimiter, pos);
            if (next < 0) {
                throw XapiException.badRequest("multipart body: the closing boundary is missing");
            }
            int end = next;
            if (end >= 2 && body[end - 2] == '\r' && body[end - 1] == '\n') {
                end -= 2;
            } else if (end >= 1 && body[end - 1] == '\n') {
                end -= 1;
            }
            parts.add(part(body, pos, Math.max(pos, end)));
            pos = next + delimiter.length;
        }
    }

    private static Part part(byte[] body, int from, int to) {
        Map<String, String> headers = new LinkedHashMap<>();
        int pos = from;
        while (pos < to) {
            int eol = indexOf(body, new byte[] {'\n'}, pos);
            if (eol < 0 || eol > to) {
                eol = to;
            }
            String line = new String(body, pos, eol - pos, StandardCharsets.UTF_8).replace("\r", "");
            pos = Math.min(eol + 1, to);
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw XapiException.badRequest("multipart body: malformed part header '" + line + "'");
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        byte[] content = new byte[Math.max(0, to - pos)];
        System.arraycopy(body, pos, content, 0, content.length);
        return new Part(headers, content);
    }

    /** Writes parts as a multipart/mixed body with the given boundary. */
    public static byte[] write(List<Part> parts, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        for (Part p : parts) {
            out.writeBytes(delimiter);
            out.writeBytes(CRLF);
            p.headers().forEach((k, v) -> {
                out.writeBytes((k + ": " + v).getBytes(StandardCharsets.UTF_8));
                out.writeBytes(CRLF);
            });
            out.writeBytes(CRLF);
            out.writeBytes(p.body());
            out.writeBytes(CRLF);
        }
        out.writeBytes(delimiter);
        out.writeBytes(new byte[] {'-', '-'});
        out.writeBytes(CRLF);
        return out.toByteArray();
    }

    private static int skipLine(byte[] body, int pos) {
        while (pos < body.length && body[pos] != '\n') {
            pos++;
        }
        return Math.min(pos + 1, body.length);
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
