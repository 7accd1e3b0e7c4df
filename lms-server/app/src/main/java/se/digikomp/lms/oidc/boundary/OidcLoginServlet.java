package se.digikomp.lms.oidc.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import se.digikomp.lms.oidc.control.OidcProtocol;
import se.digikomp.lms.oidc.control.OidcSignIns;
import se.digikomp.lms.oidc.control.PendingSignIn;
import se.digikomp.lms.oidc.control.PendingSignIns;
import se.digikomp.lms.oidc.control.Refusal;
import se.digikomp.lms.security.LocalTarget;
import se.digikomp.lms.security.SessionSignIn;

/**
 * OpenID Connect sign-in for people (no role needed: this is how they get one). {@code GET /login/oidc/<slug>}
 * sends the browser to the organisation's identity provider, {@code ?next=/local/path} (as on {@code /login}) names where to land
 * afterwards; {@code GET /login/oidc/callback} receives the provider's answer and signs the matching person of
 * that organisation in. A refusal is a page saying why ({@code oidc/refused.xhtml}), audited as
 * {@code SIGN_IN_FAILED}.
 */
@WebServlet(urlPatterns = OidcLoginServlet.PATH + "/*")
public class OidcLoginServlet extends HttpServlet {

    static final String PATH = "/login/oidc";
    static final String CALLBACK = PATH + "/callback";
    /** Request attributes the refusal page reads. */
    public static final String REFUSAL = "oidcRefusal";
    public static final String REFUSAL_DETAIL = "oidcRefusalDetail";
    public static final String ORGANISATION = "oidcOrganisation";
    static final String REFUSAL_PAGE = "/oidc/refused";

    private static final Pattern SLUG = Pattern.compile("/([a-z0-9][a-z0-9-]{0,63})");
    private static final System.Logger LOG = System.getLogger(OidcLoginServlet.class.getName());
    private static final long serialVersionUID = 1L;

    @Inject
    transient OidcSignIns signIns;

    @Inject
    transient SessionSignIn sessionSignIn;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        response.setHeader("Cache-Control", "no-store");
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (path.equals(CALLBACK.substring(PATH.length()))) {
            callback(request, response);
            return;
        }
        var slug = SLUG.matcher(path);
        if (!slug.matches()) {
            refuse(request, response, null, null, new Refusal.Refused(Refusal.NOT_CONFIGURED, "no organisation "
                    + "in the path"));
            return;
        }
        start(request, response, slug.group(1));
    }

    private void start(HttpServletRequest request, HttpServletResponse response, String slug)
            throws IOException, ServletException {
        Optional<OidcSignIns.Enabled> found = signIns.enabled(slug);
        try {
            OidcProtocol.Start start = signIns.start(slug, callbackUri(request),
                    LocalTarget.of(request.getParameter("next")).orElse("/"));
            HttpSession session = request.getSession(true);
            PendingSignIns pending = (PendingSignIns) session.getAttribute(PendingSignIns.ATTRIBUTE);
            if (pending == null) {
                pending = new PendingSignIns();
            }
            pending.add(start.pending());
            session.setAttribute(PendingSignIns.ATTRIBUTE, pending);
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", start.location().toString());
        } catch (Refusal.Refused refused) {
            Long organisationId = found.map(f -> f.organisation().id()).orElse(null);
            refuse(request, response, organisationId, found.map(f -> f.organisation().name()).orElse(null), refused);
        }
    }

    private void callback(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        PendingSignIns all = session == null ? null : (PendingSignIns) session.getAttribute(PendingSignIns.ATTRIBUTE);
        String state = request.getParameter("state");
        Optional<PendingSignIn> pending = all == null ? Optional.empty() : all.take(state, Instant.now());
        if (pending.isEmpty()) {
            refuse(request, response, null, null, new Refusal.Refused(Refusal.BAD_STATE, "no sign-in of this browser"
                    + " session waits for this state (tampered, used already, or older than "
                    + PendingSignIn.LIFETIME.toMinutes() + " minutes)"));
            return;
        }
        long organisationId = pending.get().organisationId();
        try {
            String query = request.getQueryString();
            URI callback = URI.create(request.getRequestURL() + (query == null ? "" : "?" + query));
            OidcSignIns.SignedIn signedIn = signIns.finish(pending.get(), callback);
            sessionSignIn.signIn(request, signedIn.accountId());
            LOG.log(Level.INFO, "OIDC sign-in of account {0} (organisation {1})", signedIn.accountId(),
                    organisationId);
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + signedIn.returnTo());
        } catch (Refusal.Refused refused) {
            refuse(request, response, organisationId, signIns.organisationName(organisationId).orElse(null), refused);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Long organisationId,
                        String organisationName, Refusal.Refused refused) throws IOException, ServletException {
        LOG.log(Level.INFO, "OIDC sign-in refused ({0}, organisation {1}): {2}", refused.reason().code(),
                organisationId, refused.getMessage());
        signIns.audit(organisationId, refused.reason(), request.getRemoteAddr());
        response.setStatus(refused.reason().status());
        request.setAttribute(REFUSAL, refused.reason().code());
        request.setAttribute(REFUSAL_DETAIL, refused.getMessage());
        request.setAttribute(ORGANISATION, organisationName);
        request.getRequestDispatcher(REFUSAL_PAGE).forward(request, response);
    }

    /** The callback on this server as the browser reaches it (the provider must list it as a redirect URI). */
    static URI callbackUri(HttpServletRequest request) {
        StringBuffer url = request.getRequestURL();
        URI here = URI.create(url.toString());
        return here.resolve(request.getContextPath() + CALLBACK);
    }

}
