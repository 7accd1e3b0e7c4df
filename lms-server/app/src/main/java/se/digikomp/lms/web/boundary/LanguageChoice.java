package se.digikomp.lms.web.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import se.digikomp.lms.security.AccountLanguages;
import se.digikomp.lms.security.Caller;
import se.digikomp.lms.security.CurrentCaller;

/** Keeps a person's language choice: in the session, and on the account once they are signed in. */
@ApplicationScoped
public class LanguageChoice {

    @Inject
    AccountLanguages languages;

    public void store(HttpServletRequest request, Locale language) {
        request.getSession().setAttribute(AccountLanguages.SESSION_ATTRIBUTE, language.toLanguageTag());
        if (request.getAttribute(CurrentCaller.ATTRIBUTE) instanceof Caller caller) {
            languages.store(caller.accountId(), language.toLanguageTag());
        }
    }
}
