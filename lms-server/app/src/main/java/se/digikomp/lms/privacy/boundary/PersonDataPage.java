package se.digikomp.lms.privacy.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import se.digikomp.lms.privacy.control.DataExports;
import se.digikomp.lms.privacy.control.ErasureJob;
import se.digikomp.lms.privacy.control.Erasures;
import se.digikomp.lms.privacy.entity.Erasure;
import se.digikomp.lms.security.Caller;
import se.digikomp.lms.security.CurrentCaller;
import se.digikomp.lms.security.Role;
import se.digikomp.lms.web.boundary.PageMessages;

/**
 * A person's data for HR and administrators ({@code /privacy/person?id=}): the export link and, for an
 * administrator, the erasure form (decision reference and reason) and its confirmation.
 */
@Named
@RequestScoped
public class PersonDataPage {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    DataExports exports;

    @Inject
    Erasures erasures;

    @Inject
    ErasureJob job;

    @Inject
    HttpServletRequest request;

    private Long id;
    private String reference;
    private String reason;
    private Erasure erased;
    private Boolean known;

    /**
     * The person's id, from the request parameter (the address on GET, the form's hidden field on POST). Read here
     * rather than by f:viewParam: after a failed validation Faces updates no model value, and the form must still
     * know whose it is.
     */
    public Long getId() {
        if (id == null) {
            try {
                String value = request.getParameter("id");
                id = value == null ? null : Long.valueOf(value.trim());
            } catch (NumberFormatException e) {
                id = null;
            }
        }
        return id;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    /** Whether the id names a person of the caller's organisation. */
    public boolean isKnown() {
        if (known == null) {
            known = getId() != null && exports.personInOrganisation(currentCaller.require().organisationId(), id);
        }
        return known;
    }

    public boolean isMayErase() {
        return currentCaller.has(Role.ADMIN) && isKnown() && id != currentCaller.require().personId();
    }

    public Erasure getErased() {
        if (erased == null && getId() != null && request.getParameter("erasure") != null) {
            try {
                erased = erasures.find(currentCaller.require().organisationId(),
                        Long.parseLong(request.getParameter("erasure"))).filter(e -> e.personId() == id).orElse(null);
            } catch (NumberFormatException e) {
                erased = null;
            }
        }
        return erased;
    }

    /** Records the decision and erases the person; the confirmation follows on the same page (post-redirect-get). */
    public String erase() {
        Caller caller = currentCaller.require();
        if (!caller.has(Role.ADMIN)) {
            PageMessages.error(null, "privacy.erase.forbidden");
            return null;
        }
        Erasure recorded;
        try {
            recorded = erasures.decide(caller, getId(), reference.trim(), reason.trim());
        } catch (Erasures.Refused e) {
            Optional<Erasure> unfinished = e.unfinished;
            if (unfinished.isEmpty()) {
                PageMessages.error(null, e.notFound ? "privacy.person.unknown" : "privacy.erase.refused");
                return null;
            }
            recorded = unfinished.get();
        }
        Erasure done = job.run(recorded.id(), request.getRemoteAddr());
        return "/privacy/person?faces-redirect=true&id=" + id + "&erasure=" + done.id();
    }
}
