package se.digikomp.lms.web.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The error messages of the current request for the error summary ({@code lms:errorSummary}) and the field
 * messages ({@code lms:fieldMessage}); the other messages are notices the layout shows. Forms use {@code prependId="false"}, so a field's client id is its id.
 */
@Named
@RequestScoped
public class FormErrors {

    /** One line of the summary; {@code clientId} is empty for a message about the whole form. */
    public record Entry(String clientId, String text) {
    }

    /**
     * Computed at every call, never cached: Faces walks a page's ui:repeat in every phase, so an early call (before
     * validation has added its messages) must not decide what the page later shows.
     */
    public List<Entry> getList() {
        List<Entry> entries = new ArrayList<>();
        FacesContext faces = FacesContext.getCurrentInstance();
        for (Iterator<String> ids = faces.getClientIdsWithMessages(); ids.hasNext(); ) {
            String id = ids.next();
            for (Iterator<FacesMessage> messages = faces.getMessages(id); messages.hasNext(); ) {
                FacesMessage message = messages.next();
                if (message.getSeverity().compareTo(FacesMessage.SEVERITY_ERROR) >= 0) {
                    entries.add(new Entry(id == null ? "" : id, message.getSummary()));
                }
            }
        }
        return entries;
    }

    /** Messages that tell of a success ({@code PageMessages.info}), shown by the layout above the content. */
    public List<String> getNotices() {
        List<String> notices = new ArrayList<>();
        for (Iterator<FacesMessage> messages = FacesContext.getCurrentInstance().getMessages(); messages.hasNext(); ) {
            FacesMessage message = messages.next();
            if (message.getSeverity().compareTo(FacesMessage.SEVERITY_ERROR) < 0) {
                notices.add(message.getSummary());
            }
        }
        return notices;
    }

    public boolean isAny() {
        return !getList().isEmpty();
    }

    public boolean has(String clientId) {
        return getList().stream().anyMatch(e -> e.clientId().equals(clientId));
    }

    public String first(String clientId) {
        return getList().stream().filter(e -> e.clientId().equals(clientId)).map(Entry::text).findFirst().orElse("");
    }
}
