package se.digikomp.lms.xapi.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed statements, xAPI 1.0.3 Data 2.6 / 2.0 4.3, RFC 7515. The keys and certificates are made by the JDK's
 * keytool: a CA, a certificate it issued, and an unrelated self-signed one.
 */
class SignaturesTest {

    private static final JsonObject STATEMENT = StatementValidatorTest.json("{\"actor\":{\"mbox\":\"mailto:a@example.com\"},"
            + "\"verb\":{\"id\":\"http://e.com/v\"},\"object\":{\"id\":\"http://e.com/a\"},"
            + "\"result\":{\"duration\":\"P1DT12H36M0.12S\"}}");
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;
    private static PrivateKey leafKey;
    private static PrivateKey otherKey;
    private static Certificate ca;
    private static Certificate leaf;
    private static Certificate other;

    @BeforeAll
    static void makeCertificates() throws Exception {
        Path store = dir.resolve("keys.p12");
        keytool("-genkeypair", "-alias", "ca", "-dname", "CN=Test CA", "-ext", "bc:c");
        keytool("-genkeypair", "-alias", "leaf", "-dname", "CN=Signer");
        keytool("-genkeypair", "-alias", "other", "-dname", "CN=Other");
        keytool("-certreq", "-alias", "leaf", "-file", dir.resolve("leaf.csr").toString());
        keytool("-gencert", "-alias", "ca", "-infile", dir.resolve("leaf.csr").toString(), "-outfile",
                dir.resolve("leaf.cer").toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD);
        }
        leafKey = (PrivateKey) ks.getKey("leaf", PASSWORD);
        otherKey = (PrivateKey) ks.getKey("other", PASSWORD);
        ca = ks.getCertificate("ca");
        other = ks.getCertificate("other");
        try (InputStream in = Files.newInputStream(dir.resolve("leaf.cer"))) {
            leaf = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString(), "-keystore", dir.resolve("keys.p12").toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD), "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "30", "-noprompt"));
        command.addAll(List.of(args));
        if (List.of(args).contains("-certreq") || List.of(args).contains("-gencert")) {
            command.removeAll(List.of("-keyalg", "RSA", "-keysize", "2048"));
            command.remove("-validity");
            command.remove("30");
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }

    private static byte[] signed(JWSAlgorithm alg, String payload, PrivateKey key, Certificate... chain)
            throws Exception {
        JWSHeader.Builder header = new JWSHeader.Builder(alg);
        if (chain.length > 0) {
            List<Base64> x5c = new ArrayList<>();
            for (Certificate c : chain) {
                x5c.add(Base64.encode(c.getEncoded()));
            }
            header.x509CertChain(x5c);
        }
        JWSObject jws = new JWSObject(header.build(), new Payload(payload));
        jws.sign(new RSASSASigner(key));
        return jws.serialize().getBytes(StandardCharsets.US_ASCII);
    }

    private static XapiException refused(byte[] jws) {
        XapiException e = assertThrows(XapiException.class,
                () -> Signatures.verify(STATEMENT, 0, "application/octet-stream", jws));
        assertEquals(400, e.status());
        return e;
    }

    @Test
    void data2_6_acceptsRs256Rs384AndRs512SignaturesOfTheStatement() throws Exception {
        for (JWSAlgorithm alg : List.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512)) {
            byte[] sig = signed(alg, STATEMENT.toString(), leafKey, leaf, ca);
            assertDoesNotThrow(() -> Signatures.verify(STATEMENT, 0, "application/octet-stream", sig), alg.getName());
        }
        byte[] withoutCertificate = signed(JWSAlgorithm.RS256, STATEMENT.toString(), otherKey);
        assertDoesNotThrow(() -> Signatures.verify(STATEMENT, 0, "application/octet-stream", withoutCertificate));
    }

    @Test
    void v2_4_2_7_durationsCompareToHundredthsOfASecond() throws Exception {
        byte[] sig = signed(JWSAlgorithm.RS256, STATEMENT.toString().replace("0.12S", "0.1237S"), leafKey, leaf);
        assertDoesNotThrow(() -> Signatures.verify(STATEMENT, 0, "application/octet-stream", sig));
    }

    @Test
    void rfc7515_algNoneIsRefused() {
        String unsecured = com.nimbusds.jose.util.Base64URL.encode("{\"alg\":\"none\"}") + "."
                + com.nimbusds.jose.util.Base64URL.encode(STATEMENT.toString()) + ".";
        assertTrue(refused(unsecured.getBytes(StandardCharsets.US_ASCII)).getMessage().contains("not a JWS"));
    }

    @Test
    void data2_6_s4_b4_anHmacAlgorithmIsRefused() throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.HS256), new Payload(STATEMENT.toString()));
        jws.sign(new MACSigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
        XapiException e = refused(jws.serialize().getBytes(StandardCharsets.US_ASCII));
        assertTrue(e.getMessage().contains("must be RS256, RS384 or RS512, was 'HS256'"), e.getMessage());
    }

    @Test
    void rfc7515_4_1_6_aSignatureByAnotherKeyThanTheCertificatesIsRefused() throws Exception {
        XapiException e = refused(signed(JWSAlgorithm.RS256, STATEMENT.toString(), otherKey, leaf, ca));
        assertTrue(e.getMessage().contains("does not verify with its x5c certificate"), e.getMessage());
    }

    @Test
    void rfc7515_4_1_6_aChainWhoseCertificatesDoNotIssueEachOtherIsRefused() throws Exception {
        XapiException e = refused(signed(JWSAlgorithm.RS256, STATEMENT.toString(), leafKey, leaf, other));
        assertTrue(e.getMessage().contains("x5c chain does not hold"), e.getMessage());
    }

    @Test
    void data2_6_s4_b3_aPayloadThatDiffersFromTheStatementIsRefused() throws Exception {
        XapiException e = refused(signed(JWSAlgorithm.RS256, STATEMENT.toString().replace("http://e.com/v",
                "http://e.com/w"), leafKey, leaf, ca));
        assertTrue(e.getMessage().contains("does not match the statement"), e.getMessage());
        refused(signed(JWSAlgorithm.RS256, "{\"not\":\"json\"", leafKey, leaf));
    }

    @Test
    void data2_6_s4_b2_aSignatureThatIsNotOctetStreamOrNotAJwsIsRefused() throws Exception {
        byte[] sig = signed(JWSAlgorithm.RS256, STATEMENT.toString(), leafKey, leaf);
        assertThrows(XapiException.class, () -> Signatures.verify(STATEMENT, 0, "text/plain", sig));
        refused("not-a-jws".getBytes(StandardCharsets.US_ASCII));
    }
}
