package se.digikomp.lms.web.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import se.digikomp.lms.web.control.OrganisationNames;

/** The start page: which organisations this installation serves. */
@Named
@RequestScoped
public class StartPage {

    @Inject
    OrganisationNames organisations;

    private List<String> names;

    public List<String> getOrganisations() {
        if (names == null) {
            names = organisations.all();
        }
        return names;
    }
}
