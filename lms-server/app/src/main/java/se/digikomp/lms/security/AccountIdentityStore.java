package se.digikomp.lms.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one identity store: account passwords (form sign-in and HTTP Basic on the API, both throttled by
 * {@link SignInThrottle}) and API tokens. A valid result's principal is an {@link AccountPrincipal} carrying the
 * {@link Caller}; its groups are the role names. Why a credential was refused goes to {@link AuthenticationAttempt}.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    Authenticator authenticator;

    @Inject
    SignInThrottle throttle;

    @Inject
    ApiTokens tokens;

    @Inject
    AuthenticationAttempt attempt;

    @Inject
    AuditTrail audit;

    @Inject
    HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential password) {
            return validate(password);
        }
        if (credential instanceof ApiTokenCredential token) {
            return valid(tokens.verify(token.token()));
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    private CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String username = credential.getCaller();
        if (throttle.refusedUntil(username).isPresent()) {
            attempt.refuse(AuthenticationAttempt.Refusal.THROTTLED);
            return CredentialValidationResult.INVALID_RESULT;
        }
        Authenticator.Check check = authenticator.check(username, credential.getPasswordAsString());
        if (check.caller().isPresent()) {
            throttle.clear(username);
            return result(check.caller().get());
        }
        boolean locked = throttle.recordFailure(username);
        audit.record(AuditAction.SIGN_IN_FAILED, check.organisationId(), check.accountId(), request, null);
        if (locked && check.accountId() != null) {
            audit.record(AuditAction.ACCOUNT_LOCKED, check.organisationId(), check.accountId(), request, null);
        }
        attempt.refuse(AuthenticationAttempt.Refusal.WRONG_CREDENTIALS);
        return CredentialValidationResult.INVALID_RESULT;
    }

    private CredentialValidationResult valid(ApiTokens.Verdict verdict) {
        if (verdict.caller().isEmpty()) {
            attempt.refuse(verdict.refusal());
            return CredentialValidationResult.INVALID_RESULT;
        }
        return result(verdict.caller().get());
    }

    static CredentialValidationResult result(Caller caller) {
        return new CredentialValidationResult(new AccountPrincipal(caller),
                caller.roles().stream().map(Enum::name).collect(Collectors.toSet()));
    }

    /** The caller of a valid result of this store. */
    static Optional<Caller> caller(CredentialValidationResult result) {
        return result.getStatus() == CredentialValidationResult.Status.VALID
                && result.getCallerPrincipal() instanceof AccountPrincipal principal
                ? Optional.ofNullable(principal.caller()) : Optional.empty();
    }
}
