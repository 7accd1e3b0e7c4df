package se.digikomp.lms.xapi.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.X509CertUtils;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Signed statements (xAPI 1.0.3 Data 2.6, 2.0 4.3): the attachment with usageType
 * http://adlnet.gov/expapi/attachments/signature is a JWS in compact serialization (RFC 7515), its algorithm one of
 * RS256, RS384, RS512 (pinned: "none", HMAC and every other algorithm are refused before anything is verified), its
 * payload the statement as it was before the signature was attached. When the JWS header carries an x5c
 * certificate chain (RFC 7515 4.1.6), the signature must verify with the first certificate's key and each
 * certificate must be signed by the next one. JWS parsing and verification are Nimbus JOSE+JWT's.
 */
public final class Signatures {

    public static final String SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature";

    /** 1.0.3 Data 2.6.s4.b4: the algorithms a statement signature may use. */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);

    private Signatures() {
    }

    /** Checks the signature attachment's content against its statement; throws 400 naming what is wrong. */
    public static void verify(JsonObject statement, int attachmentIndex, String contentType, byte[] jwsBytes) {
        String path = "statement.attachments[" + attachmentIndex + "]";
        // 1.0.3 Data 2.6.s4.b2: the signature attachment's contentType is application/octet-stream
        if (contentType == null || !contentType.trim().toLowerCase(Locale.ROOT).startsWith("application/octet-stream")) {
            throw XapiException.badRequest(path + ".contentType: a signature must be application/octet-stream");
        }
        String compact = new String(jwsBytes, StandardCharsets.US_ASCII).trim();
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact);
        } catch (ParseException e) {
            // an unsecured JOSE object ("alg": "none") is no JWS and is refused here too
            throw XapiException.badRequest(path + ": the signature is not a JWS in compact serialization ("
                    + e.getMessage() + ")");
        }
        JWSAlgorithm alg = jws.getHeader().getAlgorithm();
        if (!ALGORITHMS.contains(alg)) {
            throw XapiException.badRequest(path + ": the JWS algorithm must be RS256, RS384 or RS512, was '"
                    + alg.getName() + "'");
        }
        // 1.0.3 Data 2.6.s4.b3: the payload is a valid JSON serialization of the original statement
        JsonValue payload = StrictJson.parse(jws.getPayload().toBytes(), path + ": the JWS payload");
        if (payload.getValueType() != JsonValue.ValueType.OBJECT) {
            throw XapiException.badRequest(path + ": the JWS payload is not a JSON object");
        }
        JsonObject original = JsonBuilders.PROVIDER.createObjectBuilder(statement).remove("attachments").build();
        JsonObject signed = JsonBuilders.PROVIDER.createObjectBuilder(payload.asJsonObject()).remove("attachments")
                .build();
        if (!StatementComparison.same(original, signed)) {
            throw XapiException.badRequest(path + ": the JWS payload does not match the statement");
        }
        List<Base64> x5c = jws.getHeader().getX509CertChain();
        if (x5c != null && !x5c.isEmpty()) {
            verifyWithChain(jws, x5c, path);
        }
    }

    /** RFC 7515 4.1.6: the key of the first certificate signed the JWS; each certificate is signed by the next. */
    private static void verifyWithChain(JWSObject jws, List<Base64> x5c, String path) {
        List<X509Certificate> chain = new ArrayList<>();
        for (int i = 0; i < x5c.size(); i++) {
            X509Certificate cert = X509CertUtils.parse(x5c.get(i).decode());
            if (cert == null) {
                throw XapiException.badRequest(path + ": x5c[" + i + "] is not an X.509 certificate");
            }
            chain.add(cert);
        }
        for (int i = 0; i + 1 < chain.size(); i++) {
            X509Certificate cert = chain.get(i);
            X509Certificate issuer = chain.get(i + 1);
            try {
                if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                    throw new GeneralSecurityException("issuer differs");
                }
                cert.verify(issuer.getPublicKey());
            } catch (GeneralSecurityException e) {
                throw XapiException.badRequest(path + ": the x5c chain does not hold: x5c[" + i
                        + "] is not issued and signed by x5c[" + (i + 1) + "]");
            }
        }
        if (!(chain.get(0).getPublicKey() instanceof RSAPublicKey key)) {
            throw XapiException.badRequest(path + ": the x5c certificate has no RSA key, as "
                    + jws.getHeader().getAlgorithm() + " needs");
        }
        boolean valid;
        try {
            valid = jws.verify(new RSASSAVerifier(key));
        } catch (JOSEException e) {
            valid = false;
        }
        if (!valid) {
            throw XapiException.badRequest(path + ": the JWS signature does not verify with its x5c certificate");
        }
    }
}
