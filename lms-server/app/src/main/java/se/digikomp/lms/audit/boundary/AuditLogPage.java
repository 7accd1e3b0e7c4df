package se.digikomp.lms.audit.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import se.digikomp.lms.audit.control.AuditLog;
import se.digikomp.lms.audit.control.AuditPages;
import se.digikomp.lms.audit.entity.AuditEntry;
import se.digikomp.lms.audit.entity.AuditQuery;
import se.digikomp.lms.security.AuditAction;
import se.digikomp.lms.security.CurrentCaller;

/**
 * The audit log page ({@code /audit/log}, HR and ADMIN): a GET form of filters (action, first and last day, UTC)
 * and one page of the organisation's events, newest first, with a link to older ones.
 */
@Named
@RequestScoped
public class AuditLogPage {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    AuditLog log;

    @Inject
    HttpServletRequest request;

    private List<AuditEntry> events;
    private String olderLink;
    private boolean invalid;

    public List<String> getActions() {
        return Arrays.stream(AuditAction.values()).map(Enum::name).toList();
    }

    public String getAction() {
        return value("action");
    }

    public String getFrom() {
        return value("from");
    }

    public String getTo() {
        return value("to");
    }

    /** True when a filter could not be read; the page then says so and lists nothing. */
    public boolean isInvalid() {
        load();
        return invalid;
    }

    public List<AuditEntry> getEvents() {
        load();
        return events;
    }

    public String getOlderLink() {
        load();
        return olderLink;
    }

    private void load() {
        if (events != null) {
            return;
        }
        AuditQuery query;
        try {
            query = AuditPages.query(currentCaller.require().organisationId(), getAction(), day(getFrom(), 0),
                    day(getTo(), 1), value("before"), null);
        } catch (IllegalArgumentException e) {
            invalid = true;
            events = List.of();
            return;
        }
        List<AuditEntry> rows = log.page(query);
        events = rows.size() > query.limit() ? rows.subList(0, query.limit()) : rows;
        if (rows.size() > query.limit()) {
            olderLink = "/audit/log?action=" + encode(getAction()) + "&from=" + encode(getFrom()) + "&to="
                    + encode(getTo()) + "&before=" + events.get(events.size() - 1).id();
        }
    }

    /** The start of the day (plus days) in UTC as an ISO instant, for a yyyy-mm-dd field; null when empty. */
    private static String day(String date, int plusDays) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.trim()).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date");
        }
    }

    private String value(String name) {
        String v = request.getParameter(name);
        return v == null ? "" : v;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
