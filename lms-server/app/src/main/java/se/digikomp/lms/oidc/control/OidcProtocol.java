package se.digikomp.lms.oidc.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The relying-party side of OpenID Connect Core 1.0 with the authorization code flow (section 3.1), done with
 * Nimbus OAuth 2.0 SDK: discovery (OpenID Connect Discovery 1.0, issuer checked against the configured one),
 * the authentication request with {@code state}, {@code nonce} and PKCE S256 (RFC 7636), the code exchange
 * with {@code client_secret_basic}, and ID token validation (3.1.3.7: signature by the issuer's JWKS, {@code iss},
 * {@code aud}, {@code exp}/{@code iat}, {@code nonce}). Discovered providers are kept for {@link #REDISCOVER}.
 */
public final class OidcProtocol {

    static final Duration REDISCOVER = Duration.ofHours(1);
    private static final Scope SCOPE = new Scope("openid", "email", "profile");
    private static final int MAX_RESPONSE_BYTES = 512 * 1024;

    private final int timeoutMillis;
    private final Map<String, Provider> providers = new ConcurrentHashMap<>();

    public OidcProtocol(Duration timeout) {
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    }

    /** A discovered provider of one issuer, for one client id, with its ID token validator (which caches the JWKS). */
    public record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator, Instant discovered) {
    }

    /** Where to send the browser, and what the callback must be checked against. */
    public record Start(URI location, PendingSignIn pending) {
    }

    /** The validated ID token's claims. */
    public record Identity(IDTokenClaimsSet claims) {

        /** A claim as text (a number claim as its decimal form), if the token has it. */
        public java.util.Optional<String> claim(String name) {
            Object value = claims.getClaim(name);
            if (value instanceof String || value instanceof Number) {
                String text = value.toString().strip();
                return text.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(text);
            }
            return java.util.Optional.empty();
        }
    }

    /** The provider of {@code issuer}, discovered now or within the last hour. */
    public Provider provider(String issuer, String clientId) throws Refusal.Refused {
        String key = issuer + "\n" + clientId;
        Provider known = providers.get(key);
        if (known != null && known.discovered().plus(REDISCOVER).isAfter(Instant.now())) {
            return known;
        }
        OIDCProviderMetadata metadata;
        try {
            metadata = OIDCProviderMetadata.resolve(new Issuer(issuer), timeoutMillis, timeoutMillis);
        } catch (GeneralException e) {
            // Nimbus reports an issuer mismatch of the discovery document here
            throw new Refusal.Refused(e.getMessage() != null && e.getMessage().contains("issuer")
                    ? Refusal.UNKNOWN_ISSUER : Refusal.PROVIDER_UNAVAILABLE,
                    "discovery of " + issuer + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new Refusal.Refused(Refusal.PROVIDER_UNAVAILABLE, "discovery of " + issuer + " failed: "
                    + e.getMessage(), e);
        }
        if (metadata.getAuthorizationEndpointURI() == null || metadata.getTokenEndpointURI() == null
                || metadata.getJWKSetURI() == null) {
            throw new Refusal.Refused(Refusal.PROVIDER_UNAVAILABLE, "the discovery document of " + issuer
                    + " lacks an authorization, token or jwks endpoint");
        }
        JWSAlgorithm algorithm = algorithm(metadata);
        IDTokenValidator validator;
        try {
            validator = new IDTokenValidator(metadata.getIssuer(), new ClientID(clientId), algorithm,
                    metadata.getJWKSetURI().toURL(),
                    new DefaultResourceRetriever(timeoutMillis, timeoutMillis, MAX_RESPONSE_BYTES));
        } catch (MalformedURLException e) {
            throw new Refusal.Refused(Refusal.PROVIDER_UNAVAILABLE, "the jwks_uri of " + issuer + " is not a URL", e);
        }
        Provider provider = new Provider(metadata, validator, Instant.now());
        providers.put(key, provider);
        return provider;
    }

    /** RS256 unless the provider signs ID tokens only otherwise (then its first asymmetric algorithm). */
    private static JWSAlgorithm algorithm(OIDCProviderMetadata metadata) {
        List<JWSAlgorithm> offered = metadata.getIDTokenJWSAlgs();
        if (offered == null || offered.isEmpty() || offered.contains(JWSAlgorithm.RS256)) {
            return JWSAlgorithm.RS256;
        }
        return offered.stream().filter(a -> JWSAlgorithm.Family.SIGNATURE.contains(a)).findFirst()
                .orElse(JWSAlgorithm.RS256);
    }

    /** The authentication request (OpenID Connect Core 1.0, 3.1.2.1) for a new sign-in. */
    public Start start(Provider provider, long organisationId, String clientId, URI redirectUri, String returnTo) {
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = new AuthenticationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                SCOPE, new ClientID(clientId), redirectUri)
                .endpointURI(provider.metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        return new Start(request.toURI(), new PendingSignIn(organisationId, state.getValue(), nonce.getValue(),
                verifier.getValue(), redirectUri.toString(), returnTo, Instant.now()));
    }

    /**
     * Checks the authentication response the browser brought back to the callback (its full URI with the query),
     * exchanges the code and validates the ID token.
     */
    public Identity finish(Provider provider, String issuer, String clientId, String clientSecret,
                           PendingSignIn pending, URI callback) throws Refusal.Refused {
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(callback);
        } catch (ParseException e) {
            throw new Refusal.Refused(Refusal.PROVIDER_ERROR, "the provider's answer is not an authentication"
                    + " response: " + e.getMessage(), e);
        }
        if (response.getState() == null || !response.getState().getValue().equals(pending.state())) {
            throw new Refusal.Refused(Refusal.BAD_STATE, "the state of the answer is not the one sent");
        }
        // RFC 9207: a provider that names itself in the response must be the configured one
        if (response.getIssuer() != null && !response.getIssuer().getValue().equals(issuer)) {
            throw new Refusal.Refused(Refusal.UNKNOWN_ISSUER, "the answer comes from issuer "
                    + response.getIssuer().getValue() + ", not " + issuer);
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = ((AuthenticationErrorResponse) response).getErrorObject();
            throw new Refusal.Refused(Refusal.PROVIDER_ERROR, "the provider answered " + error.getCode()
                    + (error.getDescription() == null ? "" : " (" + error.getDescription() + ")"));
        }
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        if (code == null) {
            throw new Refusal.Refused(Refusal.PROVIDER_ERROR, "the provider's answer carries no code");
        }
        JWT idToken = exchange(provider, clientId, clientSecret, pending, code);
        return new Identity(validate(provider, issuer, idToken, pending.nonce()));
    }

    private JWT exchange(Provider provider, String clientId, String clientSecret, PendingSignIn pending,
                         AuthorizationCode code) throws Refusal.Refused {
        TokenRequest request = new TokenRequest(provider.metadata().getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(clientId), new Secret(clientSecret)),
                new AuthorizationCodeGrant(code, URI.create(pending.redirectUri()), new CodeVerifier(pending.codeVerifier())));
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(timeoutMillis);
        http.setReadTimeout(timeoutMillis);
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException | ParseException e) {
            throw new Refusal.Refused(Refusal.PROVIDER_UNAVAILABLE, "the token endpoint did not answer usably: "
                    + e.getMessage(), e);
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            throw new Refusal.Refused(Refusal.PROVIDER_ERROR, "the token endpoint answered " + error.getCode()
                    + (error.getDescription() == null ? "" : " (" + error.getDescription() + ")"));
        }
        JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens().getIDToken();
        if (idToken == null) {
            throw new Refusal.Refused(Refusal.INVALID_TOKEN, "the token endpoint sent no ID token");
        }
        return idToken;
    }

    /**
     * Validates an ID token as OpenID Connect Core 1.0, 3.1.3.7 asks. An {@code iss} other than the configured
     * issuer is told apart from other faults, since it means the token was not made for this organisation.
     */
    public IDTokenClaimsSet validate(Provider provider, String issuer, JWT idToken, String nonce)
            throws Refusal.Refused {
        String claimedIssuer;
        try {
            claimedIssuer = idToken.getJWTClaimsSet().getIssuer();
        } catch (java.text.ParseException e) {
            throw new Refusal.Refused(Refusal.INVALID_TOKEN, "the ID token cannot be read", e);
        }
        if (!Objects.equals(claimedIssuer, issuer)) {
            throw new Refusal.Refused(Refusal.UNKNOWN_ISSUER, "the ID token was issued by " + claimedIssuer
                    + ", not by the configured issuer " + issuer);
        }
        try {
            return provider.validator().validate(idToken, new Nonce(nonce));
        } catch (BadJOSEException e) {
            throw new Refusal.Refused(Refusal.INVALID_TOKEN, "the ID token is not valid: " + e.getMessage(), e);
        } catch (JOSEException e) {
            throw new Refusal.Refused(Refusal.PROVIDER_UNAVAILABLE, "the ID token's keys could not be had: "
                    + e.getMessage(), e);
        }
    }
}
