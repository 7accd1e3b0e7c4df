package se.digikomp.lms.oidc.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import se.digikomp.lms.oidc.control.OidcSignIns;

/** The sign-in page's "Sign in with ..." links: one per organisation with OpenID Connect enabled. */
@Named("oidcOffers")
@RequestScoped
public class OidcOffersPage {

    @Inject
    OidcSignIns signIns;

    private List<OidcSignIns.Offer> offers;

    public List<OidcSignIns.Offer> getList() {
        if (offers == null) {
            offers = signIns.offers();
        }
        return offers;
    }
}
