package se.digikomp.lms.xapi.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;

/**
 * Signed statements (xAPI 1.0.3 Data 2.6, 2.0 4.3): the attachment with usageType
 * http://adlnet.gov/expapi/attachments/signature is a JWS (compact serialization) whose algorithm is RS256, RS384 or
 * RS512 and whose payload is the statement as it was before the signature was attached. When the JWS header carries
 * an x5c certificate chain, the signature is verified with its first certificate's key.
 */
public final class Signatures {

    public static final String SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature";
    private static final Map<String, String> ALGORITHMS = Map.of("RS256", "SHA256withRSA", "RS384", "SHA384withRSA",
            "RS512", "SHA512withRSA");

    private Signatures() {
    }

    /** Checks the signature attachment's content against its statement; throws 400 naming what is wrong. */
    public static void verify(JsonObject statement, int attachmentIndex, String contentType, byte[] jwsBytes) {
        String path = "statement.attachments[" + attachmentIndex + "]";
        // 1.0.3 Data 2.6.s4.b2: the signature attachment's contentType is application/octet-stream
        if (contentType == null || !contentType.trim().toLowerCase().startsWith("application/octet-stream")) {
            throw XapiException.badRequest(path + ".contentType: a signature must be application/octet-stream");
        }
        String jws = new String(jwsBytes, StandardCharsets.US_ASCII).trim();
        String[] segments = jws.split("\\.", -1);
        if (segments.length != 3) {
            throw XapiException.badRequest(path + ": the signature is not a JWS in compact serialization");
        }
        JsonObject header = jsonSegment(segments[0], path + ": the JWS header");
        String alg = header.getString("alg", "");
        // 1.0.3 Data 2.6.s4.b4: RS256, RS384 or RS512
        if (!ALGORITHMS.containsKey(alg)) {
            throw XapiException.badRequest(path + ": the JWS algorithm must be RS256, RS384 or RS512, was '" + alg + "'");
        }
        // 1.0.3 Data 2.6.s4.b3: the payload is a valid JSON serialization of the original statement
        JsonObject payload = jsonSegment(segments[1], path + ": the JWS payload");
        JsonObject original = JsonBuilders.PROVIDER.createObjectBuilder(statement).remove("attachments").build();
        JsonObject signed = JsonBuilders.PROVIDER.createObjectBuilder(payload).remove("attachments").build();
        if (!StatementComparison.same(original, signed)) {
            throw XapiException.badRequest(path + ": the JWS payload does not match the statement");
        }
        JsonArray x5c = header.getJsonArray("x5c");
        if (x5c != null && !x5c.isEmpty()) {
            verifyWithCertificate(x5c, alg, segments, path);
        }
    }

    private static void verifyWithCertificate(JsonArray x5c, String alg, String[] segments, String path) {
        try {
            byte[] der = Base64.getDecoder().decode(x5c.getString(0));
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            Signature sig = Signature.getInstance(ALGORITHMS.get(alg));
            sig.initVerify(cert.getPublicKey());
            sig.update((segments[0] + "." + segments[1]).getBytes(StandardCharsets.US_ASCII));
            if (!sig.verify(Base64.getUrlDecoder().decode(segments[2]))) {
                throw XapiException.badRequest(path + ": the JWS signature does not verify with its x5c certificate");
            }
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw XapiException.badRequest(path + ": the JWS x5c certificate or signature is unusable");
        }
    }

    private static JsonObject jsonSegment(String segment, String what) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
            JsonValue v = JsonBuilders.PROVIDER.createReader(new StringReader(json)).readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw XapiException.badRequest(what + " is not a JSON object");
            }
            return v.asJsonObject();
        } catch (IllegalArgumentException | JsonException e) {
            throw XapiException.badRequest(what + " is not valid base64url-encoded JSON");
        }
    }
}
