package se.digikomp.lms.web.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import se.digikomp.lms.security.CurrentCaller;
import se.digikomp.lms.web.control.Languages;
import se.digikomp.lms.web.control.OrganisationNames;

/** What the layout shows around every page: the organisation, the language and the other language to switch to. */
@Named
@RequestScoped
public class Layout {

    /** A language the page can be switched to: its tag and its own name in itself ("Svenska", "English"). */
    public record Language(String tag, String name) {
    }

    @Inject
    CurrentCaller caller;

    @Inject
    OrganisationNames organisations;

    private String organisationName;

    /** The signed-in person's organisation; before sign-in, the installation's name. */
    public String getOrganisationName() {
        if (organisationName == null) {
            organisationName = caller.get().flatMap(c -> organisations.of(c.organisationId())).orElse("");
        }
        return organisationName;
    }

    public String getLanguage() {
        return locale().getLanguage();
    }

    public List<Language> getOtherLanguages() {
        Locale current = locale();
        return Languages.SUPPORTED.stream().filter(l -> !l.getLanguage().equals(current.getLanguage()))
                .map(l -> new Language(l.toLanguageTag(), capitalised(l.getDisplayLanguage(l), l))).toList();
    }

    private static String capitalised(String name, Locale locale) {
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }
}
