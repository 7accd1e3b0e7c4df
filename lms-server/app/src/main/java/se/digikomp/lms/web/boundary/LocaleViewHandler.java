package se.digikomp.lms.web.boundary;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import se.digikomp.lms.security.AccountLanguages;
import se.digikomp.lms.web.control.Languages;

/** Every page's language, as {@link Languages} decides it (registered in faces-config.xml). */
public class LocaleViewHandler extends ViewHandlerWrapper {

    static final String CHOSEN = AccountLanguages.SESSION_ATTRIBUTE;

    public LocaleViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public Locale calculateLocale(FacesContext context) {
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpSession session = request.getSession(false);
        Optional<String> chosen = session == null ? Optional.empty()
                : Optional.ofNullable((String) session.getAttribute(CHOSEN));
        boolean sentAcceptLanguage = request.getHeader("Accept-Language") != null;
        return Languages.choose(chosen,
                sentAcceptLanguage ? Collections.list(request.getLocales()) : java.util.List.of());
    }
}
