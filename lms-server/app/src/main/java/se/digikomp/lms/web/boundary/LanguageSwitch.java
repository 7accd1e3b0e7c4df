package se.digikomp.lms.web.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import se.digikomp.lms.web.control.Languages;

/**
 * The language switch in the layout's header: a plain form button (no script), protected by the view state. The
 * choice is kept in the session and, for a signed-in person, on their account; then the same page is shown again.
 */
@Named
@RequestScoped
public class LanguageSwitch {

    @Inject
    LanguageChoice choice;

    public void choose(String tag) throws IOException {
        Optional<Locale> language = Languages.supported(tag);
        if (language.isEmpty()) {
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        choice.store(request, language.get());
        external.redirect(request.getRequestURI());
        faces.responseComplete();
    }
}
