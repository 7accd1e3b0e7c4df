package se.digikomp.lms.oidc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTParser;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.KeycloakLogin;
import se.digikomp.lms.testing.KeycloakServer;

/** The relying-party protocol against a real Keycloak: discovery, code flow with PKCE, ID token validation. */
@ExtendWith(KeycloakServer.class)
class OidcProtocolIT {

    private static final URI REDIRECT = URI.create("http://127.0.0.1:9/login/oidc/callback");

    private final OidcProtocol protocol = new OidcProtocol(Duration.ofSeconds(30));

    private String issuer() {
        return KeycloakServer.shared().issuer("digikomp");
    }

    private OidcProtocol.Provider provider() throws Refusal.Refused {
        return protocol.provider(issuer(), KeycloakServer.CLIENT_ID);
    }

    @Test
    void discoversTheIssuersEndpoints() throws Exception {
        OidcProtocol.Provider provider = provider();
        assertEquals(issuer(), provider.metadata().getIssuer().getValue());
        assertTrue(provider.metadata().getTokenEndpointURI().toString().startsWith(issuer()));
    }

    @Test
    void anIssuerWithoutADiscoveryDocumentIsUnavailable() {
        Refusal.Refused refused = assertThrows(Refusal.Refused.class, () -> protocol.provider(
                KeycloakServer.shared().issuer("no-such-realm"), KeycloakServer.CLIENT_ID));
        assertEquals(Refusal.PROVIDER_UNAVAILABLE, refused.reason());
    }

    @Test
    void signsInWithTheCodeFlowAndValidatesTheIdToken() throws Exception {
        OidcProtocol.Start start = protocol.start(provider(), 7, KeycloakServer.CLIENT_ID, REDIRECT, "/");
        String query = start.location().getRawQuery();
        assertTrue(query.contains("code_challenge_method=S256") && query.contains("nonce="), query);

        URI callback = new KeycloakLogin().signIn(start.location(), KeycloakServer.ALVA);
        OidcProtocol.Identity identity = protocol.finish(provider(), issuer(), KeycloakServer.CLIENT_ID,
                KeycloakServer.CLIENT_SECRET, start.pending(), callback);

        assertEquals(KeycloakServer.ALVA.email(), identity.claim("email").orElseThrow());
        assertEquals("E-1001", identity.claim("employee_number").orElseThrow());
        assertEquals(start.pending().nonce(), identity.claims().getNonce().getValue());
    }

    @Test
    void aCodeIsExchangedOnlyOnce() throws Exception {
        OidcProtocol.Start start = protocol.start(provider(), 7, KeycloakServer.CLIENT_ID, REDIRECT, "/");
        URI callback = new KeycloakLogin().signIn(start.location(), KeycloakServer.ALVA);
        protocol.finish(provider(), issuer(), KeycloakServer.CLIENT_ID, KeycloakServer.CLIENT_SECRET,
                start.pending(), callback);

        Refusal.Refused replay = assertThrows(Refusal.Refused.class, () -> protocol.finish(provider(), issuer(),
                KeycloakServer.CLIENT_ID, KeycloakServer.CLIENT_SECRET, start.pending(), callback));
        assertEquals(Refusal.PROVIDER_ERROR, replay.reason());
        assertTrue(replay.getMessage().contains("invalid_grant"), replay.getMessage());
    }

    @Test
    void refusesAnAnswerWhoseStateWasTamperedWith() throws Exception {
        OidcProtocol.Start start = protocol.start(provider(), 7, KeycloakServer.CLIENT_ID, REDIRECT, "/");
        URI callback = new KeycloakLogin().signIn(start.location(), KeycloakServer.ALVA);
        URI tampered = URI.create(callback.toString().replace("state=" + start.pending().state(), "state=forged"));

        Refusal.Refused refused = assertThrows(Refusal.Refused.class, () -> protocol.finish(provider(), issuer(),
                KeycloakServer.CLIENT_ID, KeycloakServer.CLIENT_SECRET, start.pending(), tampered));
        assertEquals(Refusal.BAD_STATE, refused.reason());
    }

    @Test
    void aWrongClientSecretIsTheProvidersRefusal() throws Exception {
        OidcProtocol.Start start = protocol.start(provider(), 7, KeycloakServer.CLIENT_ID, REDIRECT, "/");
        URI callback = new KeycloakLogin().signIn(start.location(), KeycloakServer.ALVA);

        Refusal.Refused refused = assertThrows(Refusal.Refused.class, () -> protocol.finish(provider(), issuer(),
                KeycloakServer.CLIENT_ID, "not-the-secret", start.pending(), callback));
        assertEquals(Refusal.PROVIDER_ERROR, refused.reason());
    }

    @Test
    void refusesAnIdTokenFromAnotherIssuer() throws Exception {
        String foreign = KeycloakLogin.idTokenByPassword(KeycloakServer.shared().issuer("other"),
                KeycloakServer.ALVA);

        Refusal.Refused refused = assertThrows(Refusal.Refused.class,
                () -> protocol.validate(provider(), issuer(), JWTParser.parse(foreign), "any"));
        assertEquals(Refusal.UNKNOWN_ISSUER, refused.reason());
        assertTrue(refused.getMessage().contains("/realms/other"), refused.getMessage());
    }

    @Test
    void refusesAnIdTokenWithAnotherNonceOrAForgedSignature() throws Exception {
        String token = KeycloakLogin.idTokenByPassword(issuer(), KeycloakServer.ALVA);

        Refusal.Refused nonce = assertThrows(Refusal.Refused.class,
                () -> protocol.validate(provider(), issuer(), JWTParser.parse(token), "not-the-nonce-sent"));
        assertEquals(Refusal.INVALID_TOKEN, nonce.reason());

        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        Refusal.Refused signature = assertThrows(Refusal.Refused.class,
                () -> protocol.validate(provider(), issuer(), JWTParser.parse(forged), "any"));
        assertEquals(Refusal.INVALID_TOKEN, signature.reason());
    }
}
