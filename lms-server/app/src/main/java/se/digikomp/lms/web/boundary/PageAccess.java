package se.digikomp.lms.web.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import se.digikomp.lms.security.CurrentCaller;
import se.digikomp.lms.security.Role;

/**
 * Narrows a page to roles. In the page: {@code <f:metadata><f:viewAction action="#{pageAccess.require('ADMIN HR')}"
 * phase="APPLY_REQUEST_VALUES" onPostback="true"/></f:metadata>}: a signed-in person without one of the roles
 * gets 403 (the error page), before any of the page's actions run.
 */
@Named
@RequestScoped
public class PageAccess {

    @Inject
    CurrentCaller currentCaller;

    /** @param roles role names separated by spaces or commas */
    public void require(String roles) throws IOException {
        boolean allowed = Arrays.stream(roles.split("[\\s,]+")).filter(r -> !r.isEmpty()).map(Role::valueOf)
                .anyMatch(currentCaller::has);
        if (!allowed) {
            FacesContext faces = FacesContext.getCurrentInstance();
            faces.getExternalContext().responseSendError(HttpServletResponse.SC_FORBIDDEN, "");
            faces.responseComplete();
        }
    }
}
