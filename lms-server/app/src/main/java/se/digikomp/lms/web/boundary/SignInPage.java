package se.digikomp.lms.web.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import se.digikomp.lms.security.AccountPrincipal;
import se.digikomp.lms.security.AuthenticationAttempt;
import se.digikomp.lms.security.LocalTarget;
import se.digikomp.lms.security.SessionSignIn;

/**
 * The sign-in form ({@code /login}, fields {@code username} and {@code password}). The answer to a refusal says
 * only "wrong username or password" or "too many attempts", whether or not the username exists. After signing
 * in, the person goes back to the page they asked for ({@code next}, a local path only) or to the start page.
 */
@Named
@RequestScoped
public class SignInPage {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    SessionSignIn sessionSignIn;

    @Inject
    AuthenticationAttempt attempt;

    private String username;
    private String password;
    private String next;

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(username,
                password));
        password = null;
        if (result.getStatus() == CredentialValidationResult.Status.VALID
                && result.getCallerPrincipal() instanceof AccountPrincipal principal) {
            sessionSignIn.signIn(request, principal.caller().accountId());
            external.redirect(request.getContextPath() + LocalTarget.of(next).orElse("/"));
            faces.responseComplete();
            return;
        }
        PageMessages.error(null, attempt.refusal() == AuthenticationAttempt.Refusal.THROTTLED
                ? "login.throttled" : "login.failed");
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
