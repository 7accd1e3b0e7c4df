package se.digikomp.lms.xapi.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signed statements, xAPI 1.0.3 Data 2.6 / 2.0 4.3. */
class SignaturesTest {

    private static KeyPair keys;
    private static final JsonObject STATEMENT = StatementValidatorTest.json("{\"actor\":{\"mbox\":\"mailto:a@example.com\"},"
            + "\"verb\":{\"id\":\"http://e.com/v\"},\"object\":{\"id\":\"http://e.com/a\"},"
            + "\"result\":{\"duration\":\"P1DT12H36M0.12S\"}}");

    @BeforeAll
    static void generateKeys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        keys = g.generateKeyPair();
    }

    private static String jws(String alg, String payload) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(("{\"alg\":\"" + alg + "\"}").getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(keys.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64.encodeToString(s.sign());
    }

    @Test
    void data2_6_acceptsRs256SignatureOfTheStatement() throws Exception {
        byte[] sig = jws("RS256", STATEMENT.toString()).getBytes(StandardCharsets.US_ASCII);
        assertDoesNotThrow(() -> Signatures.verify(STATEMENT, 0, "application/octet-stream", sig));
    }

    @Test
    void v2_4_2_7_durationsCompareToHundredthsOfASecond() throws Exception {
        String longer = STATEMENT.toString().replace("0.12S", "0.1237S");
        byte[] sig = jws("RS256", longer).getBytes(StandardCharsets.US_ASCII);
        assertDoesNotThrow(() -> Signatures.verify(STATEMENT, 0, "application/octet-stream", sig));
    }

    @Test
    void data2_6_s4_b4_rejectsOtherAlgorithms() throws Exception {
        byte[] sig = jws("HS256", STATEMENT.toString()).getBytes(StandardCharsets.US_ASCII);
        XapiException e = assertThrows(XapiException.class,
                () -> Signatures.verify(STATEMENT, 0, "application/octet-stream", sig));
        assertTrue(e.getMessage().contains("RS256"));
    }

    @Test
    void data2_6_s4_b3_rejectsPayloadThatIsNotTheStatementOrNotJson() throws Exception {
        byte[] other = jws("RS256", STATEMENT.toString().replace("http://e.com/v", "http://e.com/w"))
                .getBytes(StandardCharsets.US_ASCII);
        assertThrows(XapiException.class, () -> Signatures.verify(STATEMENT, 0, "application/octet-stream", other));
        byte[] broken = jws("RS256", STATEMENT.toString().replaceFirst("\"", "'")).getBytes(StandardCharsets.US_ASCII);
        assertThrows(XapiException.class, () -> Signatures.verify(STATEMENT, 0, "application/octet-stream", broken));
    }

    @Test
    void data2_6_s4_b2_rejectsSignatureThatIsNotOctetStream() throws Exception {
        byte[] sig = jws("RS256", STATEMENT.toString()).getBytes(StandardCharsets.US_ASCII);
        assertThrows(XapiException.class, () -> Signatures.verify(STATEMENT, 0, "text/plain", sig));
        assertThrows(XapiException.class, () -> Signatures.verify(STATEMENT, 0, "application/octet-stream",
                "not-a-jws".getBytes(StandardCharsets.US_ASCII)));
    }
}
