package se.digikomp.lms.xapi.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The stored form of a statement's JSON (column {@code xapi_statement.body}): deflated with a preset dictionary of
 * xAPI and cmi5 vocabulary, so that a typical 1.4 KB statement takes about a third of that. Smaller rows keep more
 * statements in the database's buffer pool, which is what a query reading 100 statements spread over a million
 * waits for.
 *
 * <p>The first byte names the format, so the dictionary can change without rewriting stored rows: 0 is UTF-8 as it
 * is, 1 is raw deflate with {@link #DICTIONARY_1}. A new dictionary gets a new format byte; old ones stay readable.
 */
public final class StatementDocuments {

    static final byte PLAIN = 0;
    static final byte DEFLATED_1 = 1;

    /**
     * Strings that recur in statements (property names, ADL and cmi5 IRIs, this product's own extensions). Deflate
     * finds matches near the end of the dictionary cheapest, so the most frequent fragments come last.
     */
    static final byte[] DICTIONARY_1 = ("http://adlnet.gov/expapi/activities/course http://adlnet.gov/expapi/activities/"
            + "module http://adlnet.gov/expapi/activities/assessment http://adlnet.gov/expapi/activities/question "
            + "http://adlnet.gov/expapi/activities/cmi.interaction http://adlnet.gov/expapi/verbs/attempted "
            + "http://adlnet.gov/expapi/verbs/progressed http://adlnet.gov/expapi/verbs/experienced "
            + "http://adlnet.gov/expapi/verbs/answered http://adlnet.gov/expapi/verbs/voided "
            + "https://w3id.org/xapi/adl/verbs/satisfied https://w3id.org/xapi/adl/verbs/waived "
            + "https://w3id.org/xapi/adl/verbs/abandoned https://w3id.org/xapi/cmi5/context/categories/cmi5 "
            + "https://w3id.org/xapi/cmi5/context/extensions/masteryscore "
            + "https://w3id.org/xapi/cmi5/result/extensions/progress "
            + "https://digikomp.se/xapi/extensions/competences https://digikomp.se/competences/digcomp-2.2/"
            + "\"interactionType\":\"choice\",\"correctResponsesPattern\":[\"\"],\"choices\":[{\"id\":\"\","
            + "\"description\":{\"sv-SE\":\"\",\"en-US\":\"\"}}],\"response\":\"\","
            + "\"mbox\":\"mailto:\",\"mbox_sha1sum\":\"\",\"openid\":\"\",\"objectType\":\"Group\",\"member\":[],"
            + "\"attachments\":[{\"usageType\":\"\",\"display\":{},\"contentType\":\"\",\"length\":,\"sha2\":\"\"}],"
            + "\"objectType\":\"StatementRef\",\"objectType\":\"SubStatement\",\"instructor\":{},\"team\":{},"
            + "\"revision\":\"\",\"statement\":{},\"moreInfo\":\"\",\"type\":\"http://adlnet.gov/expapi/activities/"
            + "lesson\"}},\"result\":{\"score\":{\"scaled\":,\"raw\":,\"min\":0,\"max\":100},\"success\":true,"
            + "\"success\":false,\"completion\":true,\"duration\":\"PT\"},\"context\":{\"registration\":\"\","
            + "\"contextActivities\":{\"parent\":[{\"objectType\":\"Activity\",\"id\":\"\"}],\"grouping\":[{"
            + "\"objectType\":\"Activity\",\"id\":\"\"}],\"category\":[{\"objectType\":\"Activity\",\"id\":\""
            + "https://w3id.org/xapi/cmi5/context/categories/moveon\"}],\"other\":[]},\"platform\":\"\","
            + "\"language\":\"sv-SE\",\"extensions\":{\"https://w3id.org/xapi/cmi5/context/extensions/sessionid\":"
            + "\"\"}},\"timestamp\":\"\",\"stored\":\"\",\"authority\":{\"objectType\":\"Agent\",\"account\":{"
            + "\"homePage\":\"\",\"name\":\"\"}},\"version\":\"1.0.3\",\"version\":\"2.0.0\"}"
            + "{\"id\":\"\",\"actor\":{\"objectType\":\"Agent\",\"name\":\"\",\"account\":{\"homePage\":\"https://\","
            + "\"name\":\"\"}},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/launched\","
            + "\"id\":\"http://adlnet.gov/expapi/verbs/initialized\",\"id\":\"http://adlnet.gov/expapi/verbs/passed\","
            + "\"id\":\"http://adlnet.gov/expapi/verbs/failed\",\"id\":\"http://adlnet.gov/expapi/verbs/terminated\","
            + "\"id\":\"http://adlnet.gov/expapi/verbs/completed\",\"display\":{\"en-US\":\"\",\"sv-SE\":\"\"}},"
            + "\"object\":{\"objectType\":\"Activity\",\"id\":\"https://\",\"definition\":{\"name\":{\"sv-SE\":\"\","
            + "\"en-US\":\"\"},\"description\":{\"sv-SE\":\"\",\"en-US\":\"\"},").getBytes(StandardCharsets.UTF_8);

    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(
            () -> new Deflater(Deflater.BEST_SPEED, true));
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));
    /** Output buffer per thread: reading 100 statements for a page should not allocate 100 growing buffers. */
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[16 * 1024]);
    private static final int MAX_KEPT_BUFFER = 1 << 20;

    private StatementDocuments() {
    }

    /** The stored form of a statement's JSON. */
    public static byte[] pack(String json) {
        byte[] plain = json.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = DEFLATERS.get();
        deflater.reset();
        deflater.setDictionary(DICTIONARY_1);
        deflater.setInput(plain);
        deflater.finish();
        byte[] out = new byte[plain.length + 1];
        out[0] = DEFLATED_1;
        int length = 1;
        while (!deflater.finished() && length < out.length) {
            length += deflater.deflate(out, length, out.length - length);
        }
        if (!deflater.finished()) {
            // incompressible: kept as it is
            byte[] stored = new byte[plain.length + 1];
            stored[0] = PLAIN;
            System.arraycopy(plain, 0, stored, 1, plain.length);
            return stored;
        }
        return Arrays.copyOf(out, length);
    }

    /** The statement's JSON from its stored form. */
    public static String unpack(byte[] stored) {
        if (stored == null || stored.length == 0) {
            throw new IllegalStateException("a stored statement is empty");
        }
        if (stored[0] == PLAIN) {
            return new String(stored, 1, stored.length - 1, StandardCharsets.UTF_8);
        }
        if (stored[0] != DEFLATED_1) {
            throw new IllegalStateException("a stored statement has the unknown format " + stored[0]);
        }
        Inflater inflater = INFLATERS.get();
        inflater.reset();
        inflater.setDictionary(DICTIONARY_1);
        inflater.setInput(stored, 1, stored.length - 1);
        byte[] out = BUFFERS.get();
        int length = 0;
        try {
            while (!inflater.finished()) {
                if (length == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                    if (out.length <= MAX_KEPT_BUFFER) {
                        BUFFERS.set(out);
                    }
                }
                int n = inflater.inflate(out, length, out.length - length);
                if (n == 0 && inflater.needsInput()) {
                    throw new IllegalStateException("a stored statement is truncated");
                }
                length += n;
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("a stored statement is corrupt", e);
        }
        return new String(out, 0, length, StandardCharsets.UTF_8);
    }
}
