package se.digikomp.lms.web.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.digikomp.lms.security.SameOrigin;
import se.digikomp.lms.security.SessionSignIn;
import se.digikomp.lms.web.control.HeaderPolicy;

/**
 * {@code POST /logout}: the layout's sign-out button. Only from our own pages (Origin / Sec-Fetch-Site), so
 * another site cannot sign a person out; then to the sign-in page.
 */
@WebServlet("/logout")
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    SessionSignIn sessionSignIn;

    @Inject
    @ConfigProperty(name = "lms.web.trust-forwarded-proto", defaultValue = "false")
    boolean trustForwardedProto;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String scheme = new HeaderPolicy("'self'", trustForwardedProto)
                .overTls(request.isSecure(), request.getHeader("X-Forwarded-Proto")) ? "https" : "http";
        if (!SameOrigin.isOurs(request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"), scheme,
                request.getHeader("Host"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        sessionSignIn.signOut(request);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/login?signed-out");
    }
}
